import "server-only";
import { databaseTargetFromEnv, openDatabase, type OpenedDatabase } from "@/lib/db/client";
import { env } from "@/lib/server/env";

// One client per server process; kept on globalThis so hot reloads in `next dev` do not open the
// embedded database twice (PGlite allows one opener per folder).
const globalForDb = globalThis as unknown as { __shopDb?: OpenedDatabase };

function getOpened(): OpenedDatabase {
  globalForDb.__shopDb ??= openDatabase(databaseTargetFromEnv(env));
  return globalForDb.__shopDb;
}

export const db = new Proxy({} as OpenedDatabase["db"], {
  get(_target, prop) {
    const client = getOpened().db;
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
