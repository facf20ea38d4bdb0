// The benefit ledger's maintenance commands, on DATABASE_URL (PostgreSQL) or else the embedded database:
//
//   npm run ledger:check      recompute the ledger from the orders and the rollups from the ledger; list every
//                             difference; exit 1 if there is one. Starts from the last checkpoint (what a check that
//                             found nothing recorded) and reads again only what changed since; records a new one
//                             when it finds nothing
//   npm run ledger:check -- --full
//                             the same from scratch, whatever the checkpoint (and records one when it finds nothing)
//   npm run ledger:backfill   write the entries of orders paid before the ledger existed (once; safe to repeat)
import { parseArgs } from "node:util";
import { databaseTargetFromEnv, describeTarget, openDatabase } from "../../lib/db/client";
import { backfillLedger } from "../../lib/server/ledger/backfill";
import { checkLedger } from "../../lib/server/ledger/check";

const USAGE = "usage: ledger check [--full] | backfill";

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { full: { type: "boolean", default: false } } });
  const [command, ...rest] = positionals;
  const unknown = Object.keys(values).filter((k) => k !== "full");
  if ((command !== "check" && command !== "backfill") || rest.length > 0 || unknown.length > 0 || (command === "backfill" && values.full)) {
    console.error(USAGE);
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
    const result = await checkLedger(opened.db, { incremental: values.full !== true, checkpoint: true });
    for (const line of result.differences) console.log(`  ✗ ${line}`);
    const from = result.since
      ? `since the checkpoint of ${result.since.at.toISOString()} (read again: ${result.reread?.orders ?? 0} order(s), ${result.reread?.entries ?? 0} of their entries, ${result.reread?.periods ?? 0} rollup day(s)/month(s))`
      : `from scratch${result.fromScratchBecause ? ` (${result.fromScratchBecause})` : ""}`;
    console.log(
      `ledger:check ${describeTarget(target)}: ${result.ordersChecked} order(s), ${result.entriesChecked} entries, ${from}: ` +
        `${result.differences.length === 0 ? "no differences" : `${result.differences.length} difference(s)`}` +
        `${result.checkpointAt ? "; checkpoint recorded" : ""} (${took()})`,
    );
    return result.differences.length === 0 ? 0 : 1;
  } finally {
    await opened.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error("ledger command failed:", error);
    process.exitCode = 1;
  },
);
