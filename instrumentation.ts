import type { Instrumentation } from "next";
import { isSafeRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";

// Runs once when a Next.js server process starts. The server's timer ticks here, so unpaid orders give their stock
// back, mail goes out and the calendar jobs run even when nobody visits. Pages never sweep (no writes while
// rendering): they show an expired reservation as expired, and the actions that need fresh state sweep the orders
// they touch first. Every process ticks; each job runs in one of them per interval (lib/server/timers.ts).
// process.env.NEXT_RUNTIME is the one process.env read left here: Next inlines it at build time, which keeps
// the Node-only imports below (Prisma, pino) out of an edge bundle. Everything else comes from lib/server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validates the environment now, so a bad value stops the server at start with a message naming it.
  const { env, PHASE_PRODUCTION_BUILD } = await import("@/lib/server/env");
  if (env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { db } = await import("@/lib/server/db");
  const { runTimerTick } = await import("@/lib/server/timers");
  // runTimerTick logs its own failures; it never rejects.
  const timer = setInterval(() => void runTimerTick(db, env.RESERVATION_SWEEP_MS), env.RESERVATION_SWEEP_MS);
  timer.unref();
}

/** Errors of renders, route handlers and server actions that nothing else caught: one log line each. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/server/log");
  const id = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      err: error,
      requestId: typeof id === "string" && isSafeRequestId(id) ? id : undefined,
      method: request.method,
      path: request.path,
      routePath: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      // The same value as the error page shows the visitor, so a report can be matched to this line.
      ...(error instanceof Error && "digest" in error ? { digest: error.digest } : {}),
    },
    "request failed",
  );
};
