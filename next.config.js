// @ts-check
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";
import { cachedPageRewrites } from "./lib/http/cached-routes.mjs";

// Security headers for every response; the Content-Security-Policy is set in proxy.ts (a per-request nonce) and, for
// a cached page, stored with it (lib/server/page-cache-handler.mjs).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// HSTS only when the shop is served over https: the same rule as cookies' `secure` flag (secureCookiesFor in
// lib/server/env.ts, which this file cannot import). Headers are fixed at `next build`, so SITE_URL must be set then.
/** @param {string | undefined} siteUrl */
export function hstsHeaders(siteUrl) {
  let https = false;
  try {
    https = new URL(siteUrl || "http://localhost:3000").protocol === "https:";
  } catch {
    // An invalid SITE_URL stops the server at start (lib/server/env.ts); no HSTS meanwhile.
  }
  return https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : [];
}

/** The locales, the default and the language cookie of lib/i18n/config.ts, which this file cannot import. */
export const I18N_ROUTING = { locales: ["zh-CN", "en"], defaultLocale: "zh-CN", cookie: "locale" };

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite (the embedded default database) loads its WASM and data files from disk: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // No ETag on pages. Next makes one by hashing the whole page in JavaScript (FNV-1a) on every response it serves
  // from the page cache: 10–17% of a cached page's server time, more than routing it (docs/benchmarks.md, "Without
  // the ETag"). What it bought was a 304 for a full reload of an unchanged page, instead of its ~12 KB of gzip; moving
  // between pages the browser asks for React's payload, not the page. Files in public/ keep their Last-Modified, so
  // a revisit still gets a 304 for each of them.
  generateEtags: false,
  // COMPRESSION=proxy: nginx (or another proxy in front) gzips, Node does not (README, Deploy). Read when `next start`
  // loads this file, like REDIS_URL below; lib/server/env.ts refuses any other value than "app" or "proxy".
  compress: process.env.COMPRESSION !== "proxy",
  // A second dev server beside the first (e.g. for screenshots while the tests build) needs its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `.ci/run` type-checks the whole tree (`npm run typecheck`) before the tests, then sets this so that the browser
  // suites' `next build` does not check the same types again (~40 s). A plain `next build` always checks them.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  // More than one server: with REDIS_URL the data cache lives in Redis, shared by every instance, and none keeps a
  // private in-memory copy that another instance's revalidateTag could not reach (README, "More than one server").
  // Read when `next start` loads this file, so the same build runs with or without Redis.
  // Either way, lib/server/page-cache-handler.mjs gives each cached page its Content-Security-Policy.
  cacheHandler: fileURLToPath(new URL("./lib/server/page-cache-handler.mjs", import.meta.url)),
  ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
  images: {
    // Uploaded photos map to their stored WebP renditions; other images use Next's optimiser (lib/image-loader.ts).
    loaderFile: "./lib/image-loader.ts",
  },
  experimental: {
    // forbidden() → a real 403 with app/[locale]/forbidden.tsx.
    authInterrupts: true,
    // A product photo is up to 10 MB (PHOTO_LIMITS in lib/domain/photo-rules.ts), sent one per action call. The
    // action's limit is well above that, so a photo of 11–19 MB still reaches the action and is refused there
    // with a translated message (the uploader already refuses it in the browser); only a larger body gets
    // Next's bare 413. Default: 1 MB.
    serverActions: { bodySizeLimit: "20mb" },
    // proxy.ts reads an action's body (isWellFormedActionBody), so Next buffers it for the proxy; beyond this
    // limit the action would see a cut-off body. Above the action limit, so the action's own check decides.
    // Default: 10 MB.
    proxyClientMaxBodySize: "21mb",
  },
  // The cached storefront pages reach their locale here, by the language cookie, without running the proxy (whose
  // matcher leaves them out): they are served straight from the page cache with the policy stored beside them.
  // The locales are lib/i18n/config.ts's (tests/unit/storefront-route.test.ts checks they agree).
  async rewrites() {
    return { beforeFiles: cachedPageRewrites(I18N_ROUTING), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [{ source: "/:path*", headers: [...securityHeaders, ...hstsHeaders(process.env.SITE_URL)] }];
  },
};

// The locale comes from a cookie, not the URL: next-intl only needs its request config.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
