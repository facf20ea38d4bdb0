import type { Instrumentation } from "next";
import { isSafeRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";

// Runs once when a Next.js server process starts. The reservation sweep runs here on a timer, so unpaid
// orders give their stock back even when nobody visits. Pages never sweep (no writes while rendering): they show
// an expired reservation as expired, and the actions that need fresh state sweep the orders they touch first.
// process.env.NEXT_RUNTIME is the one process.env read left here: Next inlines it at build time, which keeps
// the Node-only imports below (Prisma, pino) out of an edge bundle. Everything else comes from lib/server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validates the environment now, so a bad value stops the server at start with a message naming it.
  const { env, PHASE_PRODUCTION_BUILD } = await import("@/lib/server/env");
  if (env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { db } = await import("@/lib/server/db");
  const { sweepExpiredReservations } = await import("@/lib/server/orders/sweep");
  const { expireCertificates } = await import("@/lib/server/listings/expiry");
  const { sweepDueDeliveries } = await import("@/lib/server/orders/delivery");
  const { deliverOutbox } = await import("@/lib/server/mail/deliver");
  const { sendDailyDigests } = await import("@/lib/server/mail/digest");
  const { runCalendarJobs } = await import("@/lib/server/schedule");
  const { log } = await import("@/lib/server/log");
  const timer = setInterval(() => {
    // Once a day the 防返贫 rules, once a month last month's settlement statements (lib/server/schedule.ts).
    runCalendarJobs(db).catch((error: unknown) => log.error({ err: error }, "calendar jobs failed"));
    sweepExpiredReservations(db).catch((error: unknown) => log.error({ err: error }, "reservation sweep failed"));
    // Records certificates that ran out (what sells already checks the date itself).
    expireCertificates(db).catch((error: unknown) => log.error({ err: error }, "certificate expiry sweep failed"));
    // Parcels shipped more than 15 days ago and not confirmed by their buyer count as delivered (safe in every process).
    sweepDueDeliveries(db).catch((error: unknown) => log.error({ err: error }, "auto-delivery sweep failed"));
    // Cooperative managers' digest of paid parcels to pack: once per Beijing day from 08:00 (cheap once sent).
    sendDailyDigests(db).catch((error: unknown) => log.error({ err: error }, "coop digest failed"));
    // Mail in the outbox goes out over SMTP (retries with backoff); with no SMTP_URL it stays at /dev/outbox.
    deliverOutbox(db).catch((error: unknown) => log.error({ err: error }, "mail delivery failed"));
  }, env.RESERVATION_SWEEP_MS);
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
