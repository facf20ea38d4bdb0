// Offline `prisma migrate`: Prisma's WebAssembly schema engine over a driver adapter (see lib/db/migrations.ts).
//
//   node scripts/run.mjs scripts/db/migrate.ts <command>   (npm run db:migrate, …)
//
//   deploy                 apply pending migrations                                        (npm run db:migrate)
//   status                 exit 1 if migrations are pending, failed, edited or missing locally (db:migrate:status)
//   drift                  exit 1 if schema.prisma has changes that no migration holds        (db:migrate:drift)
//   create --name <name>   write prisma/migrations/<timestamp>_<name>/migration.sql           (db:migration:create)
//
// The database: DATABASE_URL (PostgreSQL) when set, else the embedded PGlite in EMBEDDED_DB_DIR (.data/pglite).
// Options: --shadow pglite|server (drift only: where migrations are replayed), --verbose (engine log on stderr).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseTargetFromEnv, describeTarget, type DatabaseTarget } from "../../lib/db/client";
import { checkDrift, createMigration, migrateDeploy, migrationStatus } from "../../lib/db/migrations";

const USAGE = `usage: migrate.ts deploy | status | drift [--shadow pglite|server] | create --name <name>   [--verbose]`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      shadow: { type: "string" },
      verbose: { type: "boolean", short: "v", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const log = (line: string) => console.log(line);
  const engineLog = values.verbose ? (line: string) => console.error(`[schema-engine] ${line}`) : undefined;
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;

  if (command === "create") {
    if (!values.name) {
      console.error(`create needs --name <name>\n${USAGE}`);
      return 2;
    }
    const result = await createMigration(values.name, { log, engineLog });
    if (result.name) log(`Created migration ${result.name} (${took()}). Review it (DROP statements especially) before committing.`);
    return 0;
  }

  const target = databaseTargetFromEnv();
  ensureEmbeddedDir(target);

  switch (command) {
    case "deploy": {
      log(`Migrating ${describeTarget(target)}`);
      const { applied } = await migrateDeploy(target, { log, engineLog });
      log(`${applied.length} migration(s) applied (${took()}).`);
      return 0;
    }
    case "status": {
      const s = await migrationStatus(target, { engineLog });
      log(`${describeTarget(target)}: ${s.local.length} migration(s) in prisma/migrations.`);
      if (!s.hasMigrationsTable) log("The database has no _prisma_migrations table yet.");
      const report = (label: string, names: string[]) => {
        if (names.length) log(`${label}:\n${names.map((n) => `  ${n}`).join("\n")}`);
      };
      report("Not yet applied", s.pending);
      report("Failed (resolve before deploying)", s.failed);
      report("Edited after being applied (checksum differs)", s.edited);
      report("Applied to the database but missing from prisma/migrations", s.missingLocally);
      log(s.upToDate ? `Database schema is up to date (${took()}).` : `Migrations need attention (${took()}).`);
      return s.upToDate ? 0 : 1;
    }
    case "drift": {
      const shadow = values.shadow;
      if (shadow !== undefined && shadow !== "pglite" && shadow !== "server") {
        console.error(`--shadow must be pglite or server\n${USAGE}`);
        return 2;
      }
      const { drift, script } = await checkDrift(target, { engineLog, shadow });
      if (!drift) {
        log(`No drift: the migrations produce exactly schema.prisma (${took()}).`);
        return 0;
      }
      log(`Drift: schema.prisma has changes that no migration holds. Run npm run db:migration:create -- --name <name>.`);
      log(`A new migration would need:\n\n${script}`);
      return 1;
    }
    default:
      console.error(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
      return 2;
  }
}

/** PGlite creates its data folder, but not missing parents (e.g. `.data/`). */
function ensureEmbeddedDir(target: DatabaseTarget): void {
  if (target.kind === "embedded" && target.dataDir) mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
