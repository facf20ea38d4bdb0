// Brings a database up to date before the app opens it: applies pending migrations and, on an empty
// database, writes the sample data. Used by `npm run dev` and the browser tests' set-up.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { describeTarget, openDatabase, openPGlite, type DatabaseTarget } from "./client";
import { migrateDeploy } from "./migrations";
import { COUNTY, seedDatabase } from "../seed";

export interface PrepareResult {
  applied: string[];
  seeded: boolean;
  ms: number;
  /** Where the time went, in order: [phase, ms]. */
  phases: [string, number][];
}

export async function prepareDatabase(target: DatabaseTarget, opts: { seed?: boolean; log?: (line: string) => void } = {}): Promise<PrepareResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const phases: [string, number][] = [];
  let lap = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, Math.round(now - lap)]);
    lap = now;
  };
  log(`database: ${describeTarget(target)}`);
  if (target.kind === "embedded" && target.dataDir) mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  // PGlite allows one opener per folder: migrate and seed through one instance, then close it.
  const pglite = target.kind === "embedded" ? openPGlite(target.dataDir) : undefined;
  try {
    if (pglite) {
      // A new folder is initialised here (PGlite's initdb), an existing one only opened.
      await pglite.waitReady;
      phase("open");
    }
    const { applied } = await migrateDeploy(target, { pglite, log });
    phase("migrate");
    let seeded = false;
    if (opts.seed !== false) {
      if (pglite && (await pglite.query(`SELECT 1 FROM "County" WHERE slug = $1`, [COUNTY.slug])).rows.length > 0) {
        // Seeded on an earlier start: no need to load the Prisma client only for seedDatabase to find that out.
        log(`seed: ${COUNTY.nameZh} is already there; nothing to do`);
      } else {
        const opened = openDatabase(target, pglite);
        try {
          // With the institutional demo's paid orders, so a newcomer's pages (and the browser tests') show data.
          seeded = (await seedDatabase(opened.db, { log, sampleOrders: true })).created;
        } finally {
          await opened.close();
        }
      }
      phase("seed");
    }
    await pglite?.close();
    if (pglite) phase("close");
    return { applied, seeded, ms: Math.round(performance.now() - started), phases };
  } finally {
    if (pglite && !pglite.closed) await pglite.close();
  }
}

/**
 * Next.js keeps its data cache (the cached catalog reads) and its page cache (the storefront's cached pages) on
 * disk in the build's folder. When the database behind them is new, those entries describe rows that no longer
 * exist: drop them. (`next build` starts a new folder anyway; this is for a server started again on an old build.)
 */
export function clearDataCache(root = process.cwd(), distDir = ".next"): void {
  for (const dir of ["cache/fetch-cache", "dev/cache/fetch-cache", "server/route-cache"]) rmSync(path.join(root, distDir, dir), { recursive: true, force: true });
}
