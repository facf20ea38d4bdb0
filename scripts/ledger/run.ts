// The benefit ledger's maintenance commands, on DATABASE_URL (PostgreSQL) or else the embedded database:
//
//   npm run ledger:check      recompute the ledger from the orders and the rollups from the ledger; list every
//                             difference; exit 1 if there is one
//   npm run ledger:backfill   write the entries of orders paid before the ledger existed (once; safe to repeat)
import { databaseTargetFromEnv, describeTarget, openDatabase } from "../../lib/db/client";
import { backfillLedger } from "../../lib/server/ledger/backfill";
import { checkLedger } from "../../lib/server/ledger/check";

async function main(command: string | undefined): Promise<number> {
  if (command !== "check" && command !== "backfill") {
    console.error("usage: ledger check | backfill");
    return 2;
  }
  const target = databaseTargetFromEnv();
  const opened = openDatabase(target);
  const started = performance.now();
  const took = () => `${Math.round(performance.now() - started)} ms`;
  try {
    if (command === "backfill") {
      const { orders, entries } = await backfillLedger(opened.db);
      console.log(`ledger:backfill ${describeTarget(target)}: ${orders} order(s), ${entries} entries written (${took()})`);
      return 0;
    }
    const result = await checkLedger(opened.db);
    for (const line of result.differences) console.log(`  ✗ ${line}`);
    console.log(
      `ledger:check ${describeTarget(target)}: ${result.ordersChecked} order(s), ${result.entriesChecked} entries, ` +
        `${result.differences.length === 0 ? "no differences" : `${result.differences.length} difference(s)`} (${took()})`,
    );
    return result.differences.length === 0 ? 0 : 1;
  } finally {
    await opened.close();
  }
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error("ledger command failed:", error);
    process.exitCode = 1;
  },
);
