// A per-reader page served three ways, for tests/bench/shell.ts (`npm run bench:shell`): the repository's own Next,
// React and pg (resolved from the repository's node_modules), built twice from the same source:
//   - SHELL_CACHE_COMPONENTS unset, into .next-classic: /orders rendered whole on every request (it reads a cookie);
//   - SHELL_CACHE_COMPONENTS=1, into .next-cc: Next 16's Cache Components, /orders a prerendered static shell
//     (the frame, the heading, the Suspense fallback) with the reader's part rendered per request and streamed in;
// and, in the first build, the other way round: /shell, the static shell alone (prerendered, no reader's part), and
// /api/orders, the reader's part as JSON, which a client component would fetch.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import("next").NextConfig} */
export default {
  distDir: process.env.SHELL_CACHE_COMPONENTS === "1" ? ".next-cc" : ".next-classic",
  poweredByHeader: false,
  cacheComponents: process.env.SHELL_CACHE_COMPONENTS === "1",
  // Turbopack reads files only under its root; the packages are in the repository's node_modules.
  turbopack: { root: path.resolve(here, "../../..") },
};
