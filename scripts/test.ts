// `npm test`: unit, integration (real PostgreSQL, or embedded PGlite when TEST_DATABASE_URL is unset) and
// end-to-end (Chromium) suites, the last in a vitest of its own beside the other two (below), then one plain
// summary line.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
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
// The browser suites' teardown writes these when `ledger:check` finds differences on their database, or when the
// server logged a message next-intl could not resolve (vitest itself does not fail a run for an error in a global
// teardown).
const teardownFailures = {
  "test-results/ledger-check.failed": "ledger:check found differences after the browser suites (see above)",
  "test-results/missing-messages.failed": "pages the browser suites visited showed message keys instead of text (MISSING_MESSAGE)",
};
for (const file of Object.keys(teardownFailures)) rmSync(file, { force: true });

type Report = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
};

/** One vitest run of the given projects, its output prefixed with `label` when two run side by side. */
function vitest(names: string[], output: string, label: string | null): Promise<number> {
  const args = ["vitest", "run", ...names.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...extra];
  if (!label) return new Promise((done) => spawn("npx", args, { stdio: "inherit", env }).on("close", (code) => done(code ?? 1)));
  const child = spawn("npx", args, { stdio: ["ignore", "pipe", "pipe"], env });
  for (const stream of [child.stdout, child.stderr]) {
    const target = stream === child.stdout ? process.stdout : process.stderr;
    createInterface({ input: stream }).on("line", (line) => target.write(`${label} ${line}\n`));
  }
  return new Promise((done) => child.on("close", (code) => done(code ?? 1)));
}

// Vitest runs its groups of files one after another, and on two cores it gives each group one worker: the browser
// suites (one at a time, against one server) would wait for every unit and integration file to finish. When all
// three suites are asked for, the browser suites run in a second vitest beside the other two (each on its own
// databases), which shortens `npm test` by the length of the shorter of the two.
const split = projects.includes("e2e") && extra.length === 0;
const runs: { names: string[]; output: string; label: string | null }[] = split
  ? [
      { names: projects.filter((p) => p !== "e2e"), output: "test-results/vitest-unit-integration.json", label: "[unit+integration]" },
      { names: ["e2e"], output: "test-results/vitest-e2e.json", label: "[e2e]" },
    ]
  : [{ names: projects, output: report, label: null }];
// No report from an earlier run may stand in for one this run did not write.
for (const output of new Set([report, ...runs.map((run) => run.output)])) rmSync(output, { force: true });
const statuses = await Promise.all(runs.map((run) => vitest(run.names, run.output, run.label)));

if (split) {
  // One report for both, as a single run writes.
  const parts = runs.filter((run) => existsSync(run.output)).map((run) => JSON.parse(readFileSync(run.output, "utf8")) as Report);
  const merged: Report = {
    numPassedTests: parts.reduce((n, r) => n + r.numPassedTests, 0),
    numFailedTests: parts.reduce((n, r) => n + r.numFailedTests, 0),
    numPendingTests: parts.reduce((n, r) => n + r.numPendingTests, 0),
    numTodoTests: parts.reduce((n, r) => n + r.numTodoTests, 0),
    testResults: parts.flatMap((r) => r.testResults),
  };
  if (parts.length > 0) writeFileSync(report, JSON.stringify(merged));
}

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8")) as Report;
  // A file that fails before any test runs (an import error) counts no failed test: name it, or "0 failed" lies.
  const broken = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"));
  const files = broken.length > 0 ? `, ${broken.length} file(s) failed before their tests ran: ${broken.map((f) => relative(process.cwd(), f.name)).join(", ")}` : "";
  const unreported = split ? runs.filter((run) => !existsSync(run.output)).map((run) => run.label) : [];
  const missing = unreported.length > 0 ? ` (no report from ${unreported.join(", ")})` : "";
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped${files}${missing}`);
}
const failed = Object.entries(teardownFailures).filter(([file]) => existsSync(file));
for (const [file, what] of failed) console.error(`\n${what}: ${readFileSync(file, "utf8").trim()}`);
if (failed.length > 0) process.exit(1);
process.exit(statuses.find((status) => status !== 0) ?? 0);
