// `npm run dev`: migrate and (first time) seed the database, then start Next.js in development mode.
// With no DATABASE_URL the shop runs on the embedded PGlite database in .data/pglite (git-ignored).
import { spawn } from "node:child_process";
import { databaseTargetFromEnv } from "../lib/db/client";
import { clearDataCache, prepareDatabase } from "../lib/db/prepare";

const target = databaseTargetFromEnv();
const result = await prepareDatabase(target, { log: (line) => console.log(`[db] ${line}`) });
console.log(
  `[db] ready in ${result.ms} ms (${result.applied.length} migration(s) applied${result.seeded ? ", sample data written" : ""}; ` +
    `${result.phases.map(([phase, ms]) => `${phase} ${ms} ms`).join(", ")})`,
);

// A database created or migrated just now makes any cached catalog reads from an earlier one wrong.
if (result.seeded || result.applied.length > 0) clearDataCache();

const child = spawn("npx", ["next", "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
