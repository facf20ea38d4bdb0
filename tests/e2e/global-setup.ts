// Builds the app, prepares a migrated and seeded database, starts `next start` on a free port and hands the
// URL to the browser tests. With TEST_DATABASE_URL the server uses a throwaway PostgreSQL database; without
// it, an embedded PGlite folder prepared here and then handed to the server (one opener at a time).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { clearDataCache, prepareDatabase } from "@/lib/db/prepare";
import { createPostgresDatabase } from "../helpers/db";
import { findChromium } from "../helpers/chromium";
import { freePort, startServer, type StartedServer } from "../helpers/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!findChromium()) {
    project.provide("baseURL", "");
    project.provide("databaseUrl", null);
    return;
  }
  if (!process.env.E2E_SKIP_BUILD) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  let serverEnv: Record<string, string>;
  let cleanupDb: () => Promise<void>;
  let databaseUrl: string | null = null;
  if (process.env.TEST_DATABASE_URL) {
    const created = await createPostgresDatabase("shop_e2e");
    await prepareDatabase({ kind: "postgres", url: created.url });
    databaseUrl = created.url;
    serverEnv = { DATABASE_URL: created.url };
    cleanupDb = created.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "shop-e2e-db-"));
    await prepareDatabase({ kind: "embedded", dataDir: dir });
    serverEnv = { DATABASE_URL: "", EMBEDDED_DB_DIR: dir };
    cleanupDb = async () => rmSync(dir, { recursive: true, force: true });
  }

  // The data cache lives on disk between runs; this run's database is new, so nothing cached may survive.
  clearDataCache();
  const port = await freePort();
  const server: StartedServer = await startServer(port, serverEnv);
  project.provide("baseURL", `http://127.0.0.1:${port}`);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // A client component that reads a message no provider gave renders its key ("org.priceTiers.shop.…") and
    // next-intl logs MISSING_MESSAGE: any such line from the pages the suites visited fails the run.
    const missing = [...new Set(server.output().split("\n").filter((line) => line.includes("MISSING_MESSAGE")))];
    if (missing.length > 0) {
      writeFileSync("test-results/missing-messages.failed", `${missing.join("\n")}\n`);
      console.error(`next-intl could not resolve messages on the pages the browser suites visited:\n${missing.join("\n")}`);
    }
    try {
      // Everything the browser suites paid and refunded must reconcile: the real command, on their database.
      const check = spawnSync("npm", ["run", "--silent", "ledger:check"], { stdio: "inherit", env: { ...process.env, ...serverEnv } });
      if (check.status !== 0) {
        // scripts/test.ts fails the run on this file: vitest does not for an error thrown here.
        writeFileSync("test-results/ledger-check.failed", `exit status ${check.status}\n`);
        throw new Error("ledger:check found differences after the browser suites");
      }
    } finally {
      await cleanupDb();
    }
  };
}
