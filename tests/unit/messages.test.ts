import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { interpolate, translateDynamic, translator } from "@/lib/i18n/translate";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const zhLeaves = leaves(zh);
  const enLeaves = leaves(en);

  test("English has exactly the Chinese keys", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  test.each([...zhLeaves.keys()])("%s: same placeholders, no empty text", (key) => {
    const z = zhLeaves.get(key)!;
    const e = enLeaves.get(key)!;
    expect(z.trim()).not.toBe("");
    expect(e.trim()).not.toBe("");
    expect(placeholders(e)).toEqual(placeholders(z));
  });
});

describe("translator", () => {
  test.each([
    ["zh-CN", "catalog.results", { count: 3 }, "共 3 件商品"],
    ["en", "catalog.results", { count: 3 }, "3 products"],
    ["en", "nav.home", undefined, "Home"],
  ] as const)("%s %s", (locale, key, vars, expected) => {
    expect(translator(locale)(key, vars)).toBe(expected);
  });

  test("unknown dynamic keys fall back to the key; missing vars stay visible", () => {
    expect(translateDynamic("en", "no.such.key")).toBe("no.such.key");
    expect(translateDynamic("en", "benefit.errors.badWeights")).toMatch(/weights/);
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
