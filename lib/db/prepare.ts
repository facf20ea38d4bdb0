// Brings a database up to date before the app opens it: applies pending migrations and, on an empty
// database, writes the sample data. Used by `npm run dev` and the browser tests' set-up.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { describeTarget, openDatabase, openPGlite, type DatabaseTarget } from "./client";
import { migrateDeploy } from "./migrations";
import { seedDatabase } from "../seed";

export interface PrepareResult {
  applied: string[];
  seeded: boolean;
  ms: number;
}

export async function prepareDatabase(target: DatabaseTarget, opts: { seed?: boolean; log?: (line: string) => void } = {}): Promise<PrepareResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  log(`database: ${describeTarget(target)}`);
  if (target.kind === "embedded" && target.dataDir) mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  // PGlite allows one opener per folder: migrate and seed through one instance, then close it.
  const pglite = target.kind === "embedded" ? openPGlite(target.dataDir) : undefined;
  try {
    const { applied } = await migrateDeploy(target, { pglite, log });
    let seeded = false;
    if (opts.seed !== false) {
      const opened = openDatabase(target, pglite);
      try {
        seeded = (await seedDatabase(opened.db, { log })).created;
      } finally {
        await opened.close();
      }
    }
    return { applied, seeded, ms: Math.round(performance.now() - started) };
  } finally {
    await pglite?.close();
  }
}

/**
 * Next.js keeps its data cache (the cached catalog reads) on disk in .next. When the database behind it is
 * new, those entries describe rows that no longer exist: drop them.
 */
export function clearDataCache(root = process.cwd()): void {
  for (const dir of [".next/cache/fetch-cache", ".next/dev/cache/fetch-cache"]) rmSync(path.join(root, dir), { recursive: true, force: true });
}
