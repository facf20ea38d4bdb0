// `npm run db:seed`: fills the database named by DATABASE_URL (or the embedded PGlite folder) with the
// SAMPLE catalog of lib/seed. Safe to run twice: the second run changes nothing.
// Demo accounts (public password) are skipped when NODE_ENV=production unless SEED_DEMO_USERS=1.
import { databaseTargetFromEnv, describeTarget, openDatabase } from "../lib/db/client";
import { seedDatabase } from "../lib/seed/index";

async function main(): Promise<void> {
  const target = databaseTargetFromEnv();
  const demoUsers = process.env.NODE_ENV !== "production" || process.env.SEED_DEMO_USERS === "1";
  const opened = openDatabase(target);
  const started = performance.now();
  try {
    const result = await seedDatabase(opened.db, { demoUsers, sampleOrders: true });
    const ms = Math.round(performance.now() - started);
    if (!result.created || !result.counts) {
      console.log(`seed: ${describeTarget(target)} already holds the sample data; nothing changed (${ms} ms)`);
      return;
    }
    const c = result.counts;
    console.log(
      `seed: ${describeTarget(target)}: ${c.villages} villages, ${c.cooperatives} cooperatives, ` +
        `${c.households} households, ${c.categories} categories, ${c.products} products, ` +
        `${c.users} demo users${demoUsers ? "" : " (skipped in production)"} in ${ms} ms`,
    );
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error);
  process.exitCode = 1;
});
