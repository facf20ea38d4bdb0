import "server-only";
// The one logger: one JSON line per event on stdout (level, time, msg, and requestId / userId where known),
// for whatever collects the server's output. Plain pino, no transport: transports run in worker threads,
// which Next's bundler does not carry. Level from LOG_LEVEL (default "info"; "silent" under vitest).
import { headers } from "next/headers";
import pino from "pino";
import { isSafeRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";
import { env } from "@/lib/server/env";

/** A logger writing JSON lines to `destination` (stdout by default): the app uses `log`, tests their own. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger(env.LOG_LEVEL);

export type Logger = typeof log;

/**
 * { requestId } inside a request that has one (proxy.ts sets it on pages and actions; /api routes keep a safe
 * incoming one), {} outside a request (the sweep timer, scripts). Call it from actions, route handlers and
 * error hooks, not from cached reads (reading headers makes a render dynamic).
 */
export async function requestContext(): Promise<{ requestId?: string }> {
  let id: string | null | undefined;
  try {
    id = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return {}; // outside a request scope
  }
  return isSafeRequestId(id) ? { requestId: id } : {};
}
