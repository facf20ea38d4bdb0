// Prisma CLI configuration. No datasource here: the URL is read at run time by lib/server/db.ts and
// scripts/db/migrate.ts, so `prisma generate` works with no DATABASE_URL set.
// The native schema engine cannot be downloaded offline; migrations run through Prisma's WebAssembly
// schema engine instead (scripts/db/migrate.ts), so the CLI must never try to fetch the binary.
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "npm run db:seed" },
});
