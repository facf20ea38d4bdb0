// Once per run of the integration suites on PostgreSQL: a database with every migration applied, which each
// suite's createTestDatabase (tests/helpers/db.ts) copies with CREATE DATABASE … TEMPLATE instead of running the
// migrations again. Its name reaches the suites through the environment (their workers start after this).
// Dropped at the end. On the embedded database (no TEST_DATABASE_URL) there is nothing to do: PGlite migrates
// an empty in-memory database through its own shortcut.
import { spawnSync } from "node:child_process";
import { createPostgresDatabase, TEMPLATE_DATABASE_ENV } from "../helpers/db";

export default async function setup() {
  if (!process.env.TEST_DATABASE_URL) return;
  const template = await createPostgresDatabase("shop_template");
  // `npm run db:migrate` (migrate deploy), in a child process: Prisma's schema engine needs Node flags
  // (scripts/run.mjs) that the process running vitest may not have been started with.
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: template.url } });
  if (migrated.status !== 0) {
    await template.drop();
    throw new Error(`migrating the integration suites' template database failed:\n${migrated.stdout}${migrated.stderr}`);
  }
  process.env[TEMPLATE_DATABASE_ENV] = decodeURIComponent(new URL(template.url).pathname.slice(1));
  return async () => {
    delete process.env[TEMPLATE_DATABASE_ENV];
    await template.drop();
  };
}
