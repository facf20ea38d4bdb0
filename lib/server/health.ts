import "server-only";
import { db } from "@/lib/server/db";
import { log } from "@/lib/server/log";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "error";
}

const TIMEOUT_MS = 2_000;

/** Asks the database a trivial question, with a time limit so a hung database cannot hang the check. */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database did not answer in time")), TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", db: "ok" };
  } catch (error) {
    log.error({ err: error }, "health: database check failed");
    return { status: "degraded", db: "error" };
  } finally {
    clearTimeout(timer);
  }
}
