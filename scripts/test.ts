// `npm test`: unit, integration (real PostgreSQL, or embedded PGlite when TEST_DATABASE_URL is unset) and
// end-to-end (Chromium) suites in one vitest run, then one plain summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { findChromium } from "../tests/helpers/chromium";

const ci = Boolean(process.env.CI);
const chromium = findChromium();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // Prisma's WebAssembly schema engine (migrations) is an ES module importing .wasm.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-wasm-modules", "--no-warnings=ExperimentalWarning"].filter(Boolean).join(" "),
};
const extra = process.argv.slice(2);
/** The projects named on the command line (`--project e2e` or `--project=e2e`); empty means all three. */
const named = extra.flatMap((arg, i) => (arg === "--project" ? [extra[i + 1] ?? ""] : arg.startsWith("--project=") ? [arg.slice("--project=".length)] : []));
// `npm run test:unit` etc. pass their own --project; otherwise all three suites run.
const projects = named.length > 0 ? [] : ["unit", "integration", "e2e"];
const e2eAsked = named.includes("e2e");

if (!chromium && (ci || e2eAsked || projects.includes("e2e"))) {
  // Skipping the browser suite is only right when nobody asked for it by name: `npm test` on a laptop
  // without Chromium still runs unit and integration; `npm run test:e2e`, and anything in CI, fails.
  const fail = ci || e2eAsked;
  const banner = [
    "",
    "!".repeat(78),
    "!! No Chromium found: the end-to-end (browser) suite cannot run.",
    "!! Install one with:   sudo apt-get install -y chromium",
    "!! or point CHROMIUM_PATH at a Chromium/Chrome binary.",
    ci
      ? "!! CI is set: a missing browser is a failure, not a skip."
      : e2eAsked
        ? "!! The browser suite was asked for by name: a missing browser is a failure, not a skip."
        : "!! Skipping ONLY the browser suite; unit and integration tests still run.",
    "!".repeat(78),
    "",
  ].join("\n");
  console.error(banner);
  if (fail) process.exit(1);
  projects.splice(projects.indexOf("e2e"), 1);
} else if (chromium) {
  env.CHROMIUM_PATH = chromium;
}

console.log(
  process.env.TEST_DATABASE_URL
    ? `Database: PostgreSQL from TEST_DATABASE_URL (a throwaway database per suite)`
    : `Database: embedded PGlite (set TEST_DATABASE_URL=postgresql://… to test against a PostgreSQL server)`,
);

mkdirSync("test-results", { recursive: true });
const report = "test-results/vitest.json";
const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra];
// The browser suites' teardown writes this when `ledger:check` finds differences on their database (vitest
// itself does not fail a run for an error in a global teardown).
const ledgerFailure = "test-results/ledger-check.failed";
rmSync(ledgerFailure, { force: true });
const result = spawnSync("npx", args, { stdio: "inherit", env });

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  };
  // A file that fails before any test runs (an import error) counts no failed test: name it, or "0 failed" lies.
  const broken = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"));
  const files = broken.length > 0 ? `, ${broken.length} file(s) failed before their tests ran: ${broken.map((f) => relative(process.cwd(), f.name)).join(", ")}` : "";
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped${files}`);
}
if (existsSync(ledgerFailure)) {
  console.error(`\nledger:check found differences after the browser suites (see above): ${readFileSync(ledgerFailure, "utf8").trim()}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
