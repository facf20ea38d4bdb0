// Runs once when a Next.js server process starts. The reservation sweep runs here on a timer, so unpaid
// orders give their stock back even when nobody visits (pages also sweep lazily before showing orders).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { db } = await import("@/lib/server/db");
  const { sweepExpiredReservations } = await import("@/lib/server/orders/sweep");
  const everyMs = Number(process.env.RESERVATION_SWEEP_MS ?? 60_000);
  const timer = setInterval(() => {
    sweepExpiredReservations(db).catch((error) => console.error("reservation sweep failed:", error));
  }, everyMs);
  timer.unref();
}
