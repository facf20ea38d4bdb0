// The logger's lines (lib/server/log.ts) and the request id that ties a request's lines together
// (lib/request-id.ts, set by proxy.ts, read back by requestContext()).
import { describe, expect, test, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request.headers) throw new Error("`headers` was called outside a request scope");
    return request.headers;
  },
}));

const { createLogger, log, requestContext } = await import("@/lib/server/log");
const { isSafeRequestId, requestIdFor } = await import("@/lib/request-id");

function capture(level: string) {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, { write: (line: string) => void lines.push(line) }) };
}

describe("one JSON line per event", () => {
  test("level as a word, ISO time, message, the fields given, and the error's message and stack", () => {
    const { lines, logger } = capture("info");
    logger.error({ err: new Error("database is down"), requestId: "req-0123456789", userId: "u1" }, "server action failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", msg: "server action failed", requestId: "req-0123456789", userId: "u1", err: { type: "Error", message: "database is down" } });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect((line.err as { stack: string }).stack).toContain("database is down");
  });

  test.each([
    { level: "info", written: ["info", "warn", "error"] },
    { level: "warn", written: ["warn", "error"] },
    { level: "silent", written: [] },
  ])("at level $level only $written are written", ({ level, written }) => {
    const { lines, logger } = capture(level);
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines.map((l) => (JSON.parse(l) as { level: string }).level)).toEqual(written);
  });

  test("the app's logger is silent under vitest (LOG_LEVEL unset)", () => {
    expect(log.level).toBe(process.env.LOG_LEVEL ?? "silent");
  });
});

describe("request id", () => {
  test.each([
    { incoming: "0f8e3c1a-7b2d-4c55-9e61-2a4b6c8d0e1f", kept: true },
    { incoming: "Root=1-67891233-abcdef012345678912345678", kept: false },
    { incoming: "lb.req:2025-10-01_abc", kept: true },
    { incoming: "short", kept: false },
    { incoming: "x".repeat(129), kept: false },
    { incoming: "abc123456\ninjected", kept: false },
    { incoming: '"><script>alert(1)</script>', kept: false },
    { incoming: null, kept: false },
  ])("incoming $incoming → kept: $kept", ({ incoming, kept }) => {
    const id = requestIdFor(incoming);
    expect(isSafeRequestId(id)).toBe(true);
    expect(id === incoming).toBe(kept);
  });

  test("a new id each time when none is kept", () => {
    expect(requestIdFor(null)).not.toBe(requestIdFor(null));
  });

  test.each([
    { why: "inside a request with an id", headers: new Headers({ "x-request-id": "req-0123456789" }), context: { requestId: "req-0123456789" } },
    { why: "inside a request without one (an /api route)", headers: new Headers(), context: {} },
    { why: "an unsafe id a client sent straight to an /api route", headers: new Headers({ "x-request-id": "a b c d e f g h" }), context: {} },
    { why: "outside a request (the sweep timer)", headers: null, context: {} },
  ])("requestContext(): $why", async ({ headers, context }) => {
    request.headers = headers;
    expect(await requestContext()).toEqual(context);
  });
});
