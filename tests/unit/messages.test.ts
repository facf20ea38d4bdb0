import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { formatterFor, translateDynamic, translator } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/i18n/format";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The names of a message's arguments, at any depth (inside plural and select branches too). */
function argumentNames(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentNames(option.value, out);
    if (el.type === TYPE.tag) argumentNames(el.children, out);
  }
  return out;
}

const zhLeaves = leaves(zh);
const enLeaves = leaves(en);

describe("message catalogs", () => {
  test("English has exactly the Chinese keys", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  test.each([...zhLeaves.keys()])("%s: parses as ICU in both languages, same arguments, no empty text", (key) => {
    const z = zhLeaves.get(key)!;
    const e = enLeaves.get(key)!;
    expect(z.trim()).not.toBe("");
    expect(e.trim()).not.toBe("");
    const zArgs = argumentNames(parse(z));
    const eArgs = argumentNames(parse(e));
    expect([...eArgs].sort()).toEqual([...zArgs].sort());
  });

  test.each([...enLeaves.entries()])("en %s: no full-width punctuation inside English text", (_key, text) => {
    expect(text).not.toMatch(/[，：（）；！？、]/);
  });

  test("a message that does not parse is caught", () => {
    expect(() => parse("{count, plural, one {# item}")).toThrow();
  });
});

describe("translator", () => {
  test.each([
    ["zh-CN", "catalog.results", { count: 3 }, "共 3 件商品"],
    ["en", "catalog.results", { count: 3 }, "3 products"],
    ["en", "catalog.results", { count: 1 }, "1 product"],
    ["en", "nav.home", undefined, "Home"],
  ] as const)("%s %s %j", (locale, key, vars, expected) => {
    expect(translator(locale)(key, vars)).toBe(expected);
  });

  test("unknown dynamic keys fall back to the key", () => {
    expect(translateDynamic("en", "no.such.key")).toBe("no.such.key");
    expect(translateDynamic("en", "benefit.errors.badWeights")).toMatch(/weights/);
  });
});

describe("formatters", () => {
  test.each([
    ["zh-CN", 123450, "¥1,234.50"],
    ["en", 123450, "¥1,234.50"],
    ["en", 0, "¥0.00"],
    ["zh-CN", -1999, "-¥19.99"],
    ["en", 3_000_000_000n, "¥30,000,000.00"],
  ] as const)("%s money %s → %s", (locale, fen, expected) => {
    expect(formatMoney(formatterFor(locale), fen)).toBe(expected);
  });

  test("dates are Beijing dates whatever the server's time zone", () => {
    // 2026-11-30 17:30 UTC is 01:30 on 1 December in Beijing.
    const instant = new Date("2026-11-30T17:30:00Z");
    expect(formatterFor("en").dateTime(instant, "day")).toBe("December 1, 2026");
    expect(formatterFor("zh-CN").dateTime(instant, "day")).toBe("2026年12月1日");
  });
});
