// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite (the embedded default database) loads its WASM and data files from disk: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  images: { unoptimized: false },
};

export default nextConfig;
