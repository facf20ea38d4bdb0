// Hostile requests against the production build (issue 10): paths, query strings, headers, form, action and
// webhook bodies from a seeded generator (tests/helpers/fuzz.ts). Nothing may answer 5xx, stream a server
// error's digest into a page that answered < 500 (a render that threw after the status went out), or hang.
// FUZZ_SEED, FUZZ_RUNS and FUZZ_BASE_URL (a server already running; FUZZ_DIST_DIR names its build) override
// the defaults, e.g. for a 10,000-request run by hand.
import { describe, expect, inject, test } from "vitest";
import { actionsFromBuild } from "../helpers/http-session";
import { describeRequest, generateRequests, sendAll } from "../helpers/fuzz";

const baseURL = process.env.FUZZ_BASE_URL || inject("baseURL");
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2400);
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

function buildActions() {
  try {
    return [...actionsFromBuild(process.cwd(), process.env.FUZZ_DIST_DIR ?? ".next").values()];
  } catch {
    return [];
  }
}

describe.skipIf(!baseURL)("fuzz", () => {
  test(`${RUNS} hostile requests: no 5xx, no streamed server errors, no timeouts`, { timeout: Math.max(180_000, RUNS * 40) }, async () => {
    const actions = buildActions();
    const requests = generateRequests(SEED, RUNS, actions);
    const started = Date.now();
    const outcomes = await sendAll(baseURL, requests, CONCURRENCY, TIMEOUT_MS);
    const seconds = (Date.now() - started) / 1000;
    const serverErrors = outcomes.filter((o) => typeof o.status === "number" && o.status >= 500);
    const hidden = outcomes.filter((o) => typeof o.status === "number" && o.status < 500 && o.hiddenError);
    const timeouts = outcomes.filter((o) => o.status === "timeout");
    const broken = outcomes.filter((o) => typeof o.status === "string" && o.status !== "timeout");
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
    console.log(
      `fuzz: ${outcomes.length} requests (seed ${SEED}, ${actions.length} real actions) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(byStatus))}`,
    );
    const report = [
      ...(serverErrors.length ? [`${serverErrors.length} × 5xx:`, ...serverErrors.map(describeRequest)] : []),
      ...(hidden.length ? [`${hidden.length} × a server error streamed into a < 500 answer:`, ...hidden.map(describeRequest)] : []),
      ...(timeouts.length ? [`${timeouts.length} × timeout after ${TIMEOUT_MS} ms:`, ...timeouts.map(describeRequest)] : []),
      ...(broken.length ? [`${broken.length} × connection error or unsendable:`, ...broken.map(describeRequest)] : []),
    ].join("\n");
    expect(report, `seed ${SEED}`).toBe("");
    expect(outcomes.length).toBeGreaterThanOrEqual(2000);
  });
});
