// The bare page the storefront's throughput is compared with (tests/bench/storefront.ts): a Next.js app with the
// repository's own Next, React and pg (resolved from the repository's node_modules), one page that reads the same
// 12 products from the same database and renders them on every request. No i18n, no auth, no CSP, no cache.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import("next").NextConfig} */
export default {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Turbopack reads files only under its root; the packages are in the repository's node_modules.
  turbopack: { root: path.resolve(here, "../../..") },
};
