import { defineConfig } from "vitest/config";

// Three suites, one per kind of test (STYLE.md): `npm test` runs them all through scripts/test.ts,
// which chooses the database and finds Chromium first.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  // Lets `import "server-only"` load in tests.
  ssr: { resolve: { conditions: ["react-server"] } },
  test: {
    environment: "node",
    // Prisma's WebAssembly schema engine (migrations) is an ES module that imports a .wasm file.
    execArgv: ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // One migrated template database per run, copied by each suite (tests/integration/global-setup.ts).
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // An `expect.poll` waits for the page after a click: a server action's round trip and re-render, which on
          // two shared cores with the integration suites running beside (scripts/test.ts) took over vitest's default
          // 1 s once (the admin's certify in listing.test.ts). The conditions polled for are unchanged.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
