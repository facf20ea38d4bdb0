// What the browser is told before it renders: the largest photo of the catalog, home and a product page is
// fetched at once and first while the photos further down wait until they are near; the favicon, the apple
// touch icon and the web app manifest answer with their types; an anonymous page is not kept out of the
// back/forward cache by anything the shop's own code does.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { launchBrowser, phoneContext, type BrowserSession } from "../helpers/browser";
import { findChromium } from "../helpers/chromium";

const baseURL = inject("baseURL");

interface ImgHints {
  src: string;
  loading: string | null;
  fetchpriority: string | null;
}

/** Each <img> under `selector` in document order, as the server sent it (attributes, not the loaded state). */
async function imageHints(page: Page, selector: string): Promise<ImgHints[]> {
  return page.locator(selector).evaluateAll((imgs) =>
    imgs.map((img) => ({ src: img.getAttribute("src") ?? "", loading: img.getAttribute("loading"), fetchpriority: img.getAttribute("fetchpriority") })),
  );
}

describe.skipIf(!baseURL)("browser hints", () => {
  let session: BrowserSession;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    session = await launchBrowser();
    context = await phoneContext(session.browser, baseURL);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await session?.close();
  });

  test.each(["/products", "/"])("%s: the first product photo is eager and high priority, the second eager, the rest lazy", async (path) => {
    await page.goto(path);
    const cards = await imageHints(page, "main article img");
    expect(cards.length).toBeGreaterThan(2);
    expect(cards[0]).toMatchObject({ loading: "eager", fetchpriority: "high" });
    expect(cards[1]).toMatchObject({ loading: "eager", fetchpriority: null });
    for (const later of cards.slice(2)) expect(later, later.src).toMatchObject({ loading: "lazy", fetchpriority: null });
    // One image asks to go first: several would compete with each other and with the page's CSS.
    expect(await page.locator("img[fetchpriority=high]").count()).toBe(1);
  });

  test("a product page: its main photo is eager and high priority, every other photo lazy", async () => {
    await page.goto("/products");
    const productPath = await page.locator("main article a").first().getAttribute("href");
    expect(productPath).toMatch(/^\/products\/[a-z0-9-]+$/);
    await page.goto(productPath!);
    const photos = await imageHints(page, "main img");
    expect(photos.length).toBeGreaterThan(0);
    expect(photos[0]).toMatchObject({ loading: "eager", fetchpriority: "high" });
    for (const later of photos.slice(1)) expect(later, later.src).toMatchObject({ loading: "lazy", fetchpriority: null });
    expect(await page.locator("img[fetchpriority=high]").count()).toBe(1);
  });

  test("the head links the icons and the manifest, and each answers with its type", async () => {
    await page.goto("/");
    const links = await page.locator("head link[rel=icon], head link[rel=apple-touch-icon], head link[rel=manifest]").evaluateAll((els) =>
      els.map((el) => ({ rel: el.getAttribute("rel"), href: el.getAttribute("href") ?? "" })),
    );
    const hrefOf = (rel: string, pattern: RegExp) => links.find((l) => l.rel === rel && pattern.test(l.href))?.href;
    const expected: Array<[string | undefined, string]> = [
      [hrefOf("icon", /^\/favicon\.ico/), "image/x-icon"],
      [hrefOf("icon", /^\/icon\.svg/), "image/svg+xml"],
      [hrefOf("apple-touch-icon", /^\/apple-icon\.png/), "image/png"],
      [hrefOf("manifest", /^\/manifest\.webmanifest$/), "application/manifest+json"],
    ];
    for (const [href, type] of expected) {
      expect(href, `${type} in ${JSON.stringify(links)}`).toBeTruthy();
      const res = await fetch(`${baseURL}${href}`);
      expect(res.status, href).toBe(200);
      expect(res.headers.get("content-type"), href).toContain(type);
      expect((await res.arrayBuffer()).byteLength, href).toBeGreaterThan(0);
    }
    // Browsers ask for /favicon.ico whatever the head says.
    const favicon = await fetch(`${baseURL}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toContain("image/x-icon");
  });

  test("the manifest parses, is in Chinese, and each of its icons answers with its declared type and size", async () => {
    const res = await fetch(`${baseURL}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      name?: string;
      short_name?: string;
      lang?: string;
      start_url?: string;
      display?: string;
      theme_color?: string;
      icons?: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: expect.stringContaining("唐县好物"), short_name: "唐县好物", lang: "zh-CN", start_url: "/", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const icons = manifest.icons ?? [];
    // Installable in Chromium: a 192 and a 512 PNG; the maskable one is cut to the platform's shape.
    expect(icons.map((i) => `${i.sizes} ${i.type} ${i.purpose ?? "any"}`)).toEqual(
      expect.arrayContaining(["192x192 image/png any", "512x512 image/png any", "512x512 image/png maskable"]),
    );
    for (const icon of icons) {
      const file = await fetch(new URL(icon.src, `${baseURL}/manifest.webmanifest`));
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toContain(icon.type);
      if (icon.type === "image/png") {
        // A PNG's width and height are the two big-endian words after the IHDR tag.
        const bytes = new DataView(await file.arrayBuffer());
        expect(`${bytes.getUint32(16)}x${bytes.getUint32(20)}`, icon.src).toBe(icon.sizes);
      }
    }
  });

  test("back to an anonymous page: nothing keeps it out of the back/forward cache", async () => {
    // Playwright turns the back/forward cache off by default (--disable-back-forward-cache): a browser of its own.
    const executablePath = findChromium();
    const browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: ["--no-sandbox", "--disable-gpu"], ignoreDefaultArgs: ["--disable-back-forward-cache"] });
    try {
      const context = await browser.newContext({ baseURL });
      // Chromium's own account: a page restored, or why it was not (with the reasons the page's API masks).
      const notUsed: string[][] = [];
      const restored: string[] = [];
      const paths = ["/", "/products", "/villages"];
      for (const path of paths) {
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send("Page.enable");
        cdp.on("Page.backForwardCacheNotUsed", (e) => notUsed.push(e.notRestoredExplanations.map((x) => x.reason)));
        cdp.on("Page.frameNavigated", (e) => e.type === "BackForwardCacheRestore" && restored.push(path));
        const page = await tab.goto(path);
        expect(page?.headers()["cache-control"], path).not.toMatch(/no-store/);
        await tab.goto("/cooperatives");
        // "commit": with the cache on, Playwright may miss the load event of a page coming back.
        await tab.goBack({ waitUntil: "commit" });
        await expect.poll(() => new URL(tab.url()).pathname, { timeout: 15_000 }).toBe(path);
        await expect.poll(() => notUsed.length + restored.length, { timeout: 15_000 }).toBe(paths.indexOf(path) + 1);
        await tab.close();
      }
      // The storefront's pages come from the page cache (issue 14, item 2): neither they nor their RSC payloads say
      // `no-store`, so no reason about Cache-Control may appear. Chromium may still admit a page and then evict it
      // when something for it arrives while frozen (IgnoreEventAndEvict: seen under load, most likely a link
      // prefetch answering after the page was left). BrowsingInstanceNotSwapped comes from the automation's tab.
      // Anything else (no-store, an unload handler, an open WebSocket or BroadcastChannel, a held lock) is this
      // code's to fix.
      const allowed = new Set(["IgnoreEventAndEvict", "BrowsingInstanceNotSwapped"]);
      expect(notUsed.flat().filter((r) => !allowed.has(r)), JSON.stringify(notUsed)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
