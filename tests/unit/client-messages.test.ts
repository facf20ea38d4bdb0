// The messages the browser gets (lib/i18n/messages.ts): every namespace a client component reads is given by some
// NextIntlClientProvider, and a group's paths pick exactly that part of the catalog. A namespace no provider gives
// shows its keys on the page ("org.invoices.form.kind"), which happened on the cart and the invoice form.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { locales } from "@/lib/i18n/config";
import { BASE_CLIENT_MESSAGES, CLIENT_MESSAGE_GROUPS, clientMessages, messagesFor, type MessagePath } from "@/lib/i18n/messages";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const clientFiles = ["app", "components", "lib"]
  .flatMap(sourceFiles)
  .filter((f) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(readFileSync(f, "utf8")));

/** The project's own module an import names ("@/…", "./…"), or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.resolve(specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  return [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((f) => existsSync(f)) ?? null;
}

/** A client file and every project module it imports, however deep: all of them render in the browser. */
function clientGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  // Type-only imports bring no code; `import { type X, y }` still brings y.
  for (const m of readFileSync(file, "utf8").matchAll(/^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm)) {
    const target = resolveImport(file, m[1] ?? "");
    if (target) clientGraph(target, seen);
  }
  return seen;
}

/** What a module's translators read: each useTranslations namespace ("" for the whole catalog) and the literal keys
 *  its t(…) calls name (`t("soldOut")`; computed keys are left to the browser suites' MISSING_MESSAGE check). */
function messagesRead(source: string): { namespace: string; keys: string[] }[] {
  const keys = [...source.matchAll(/\bt\(\s*["']([\w.]+)["']/g)].map((m) => m[1] ?? "");
  return [...source.matchAll(/useTranslations\(\s*(?:["'`]([^"'`]*)["'`])?\s*\)/g)].map((m) => ({ namespace: m[1] ?? "", keys }));
}

const given: readonly MessagePath[] = [...BASE_CLIENT_MESSAGES, ...Object.values(CLIENT_MESSAGE_GROUPS).flat()];
const covers = (p: string, path: string) => path === p || path.startsWith(`${p}.`);
/** A namespace some provider gives whole, or (a group with only some of its messages) each key named in it. */
function isGiven({ namespace, keys }: { namespace: string; keys: string[] }): boolean {
  if (namespace === "") return false;
  if (given.some((p) => covers(p, namespace))) return true;
  const partly = given.some((p) => p.startsWith(`${namespace}.`));
  return partly && keys.every((key) => given.some((p) => covers(p, `${namespace}.${key}`)));
}

describe("client components read only messages a provider gives", () => {
  test("there are client components that read messages (the scan finds them, and what they import)", () => {
    expect(clientFiles.filter((f) => messagesRead(readFileSync(f, "utf8")).length > 0).length).toBeGreaterThan(3);
    // live-stock.tsx reads no message itself; the stock badge it imports does.
    const liveStock = clientGraph(path.resolve("components/catalog/live-stock.tsx"));
    expect([...liveStock].map((f) => path.relative(process.cwd(), f))).toContain(path.join("components", "catalog", "stock-badge.tsx"));
  });

  test.each(clientFiles.map((f) => [path.relative(process.cwd(), f)]))("%s and its imports", (file) => {
    const missing = [...clientGraph(path.resolve(file))].flatMap((f) =>
      messagesRead(readFileSync(f, "utf8"))
        .filter((read) => !isGiven(read))
        .map((read) => `${path.relative(process.cwd(), f)}: ${read.namespace || "(whole catalog)"}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("clientMessages picks the paths it is given, nested as in the catalog", () => {
  test.each([...locales])("%s: every group's paths exist", (locale) => {
    for (const paths of [BASE_CLIENT_MESSAGES, ...Object.values(CLIENT_MESSAGE_GROUPS)]) expect(() => clientMessages(locale, paths)).not.toThrow();
  });

  const zh = messagesFor("zh-CN");
  test.each<[string, readonly MessagePath[], unknown]>([
    ["a namespace", ["nav"], { nav: zh.nav }],
    ["a part of one", ["org.invoices"], { org: { invoices: zh.org.invoices } }],
    ["two parts of one namespace, merged", ["org.invoices", "org.priceTiers"], { org: { invoices: zh.org.invoices, priceTiers: zh.org.priceTiers } }],
    ["the base and the cart", [...BASE_CLIENT_MESSAGES, ...CLIENT_MESSAGE_GROUPS.cart], { errors: zh.errors, nav: zh.nav, cart: zh.cart, org: { priceTiers: zh.org.priceTiers } }],
  ])("%s", (_, paths, expected) => expect(clientMessages("zh-CN", paths)).toEqual(expected));

  test("a path the catalog does not have is an error, not an empty provider", () => {
    expect(() => clientMessages("zh-CN", ["org.nothingHere"])).toThrow(/org\.nothingHere/);
  });

  test("a cached storefront page carries only the base: no product or cart messages", () => {
    expect(Object.keys(clientMessages("zh-CN", BASE_CLIENT_MESSAGES)).sort()).toEqual(["errors", "nav"]);
  });
});
