// Which pages are rendered once and cached, and which per request, is decided by each page file (or its layout)
// saying so, not by what Next happens to detect: no page is rendered by `next build` (app/[locale]/layout.tsx), so a
// per-reader page that said nothing would be taken for a static one and cached for everyone.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, test } from "vitest";
import { isCachedPage } from "@/lib/http/storefront-route";

const ROOT = join(process.cwd(), "app", "[locale]");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name === "page.tsx" ? [path] : [];
  });
}

const declared = (file: string): string | null => {
  try {
    return /^export const dynamic = "([a-z-]+)";$/m.exec(readFileSync(file, "utf8"))?.[1] ?? null;
  } catch {
    return null;
  }
};

/** The page's own `dynamic`, else its nearest layout's. */
function rendering(page: string): string | null {
  let dir = join(page, "..");
  const own = declared(page);
  if (own) return own;
  while (dir.startsWith(ROOT)) {
    const layout = declared(join(dir, "layout.tsx"));
    if (layout) return layout;
    dir = join(dir, "..");
  }
  return null;
}

/** The URL of a page file: route groups dropped, a [slug] as an example value. */
const urlOf = (page: string) =>
  "/" +
  relative(ROOT, join(page, ".."))
    .split(sep)
    .filter((s) => s && !s.startsWith("("))
    .map((s) => (s.startsWith("[") ? "example" : s))
    .join("/");

const all = pages(ROOT);

describe("every page says how it is rendered", () => {
  test.each(all.map((p) => [relative(ROOT, p), p]))("%s", (_name, page) => {
    expect(["error", "force-dynamic"]).toContain(rendering(page));
  });

  test("the cached pages are exactly the storefront's, and the proxy agrees", () => {
    const cached = all.filter((p) => rendering(p) === "error").map(urlOf).sort();
    expect(cached).toEqual(["/", "/cooperatives", "/cooperatives/example", "/products", "/products/example", "/villages", "/villages/example"]);
    for (const page of all) {
      const url = urlOf(page);
      // The catch-all for unknown URLs is not a URL of its own.
      if (url.endsWith("/example") && page.includes("[...")) continue;
      expect(isCachedPage("GET", url, new URLSearchParams()), url).toBe(rendering(page) === "error");
    }
  });
});
