// The proxy's server-action reply check (lib/http/action-reply.ts) against React itself: every reply it accepts
// decodes in React's decoder exactly as Next runs it (so it can never let a 500 through), and every reply React's
// own client encodes is accepted (so it never refuses a real browser). React's decoder needs its server build,
// so it runs in a child process (tests/helpers/react-reply-oracle.mjs).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isDecodableReply, isDecodableTextReply, type ReplyField } from "@/lib/http/action-reply";

type OracleReply = { text: string } | { fields: Array<[string, string | { file: string }]> };

function decodeWithReact(replies: OracleReply[]): Array<{ ok: boolean; error?: string }> {
  const run = spawnSync(process.execPath, ["--conditions=react-server", path.join("tests", "helpers", "react-reply-oracle.mjs")], {
    input: JSON.stringify(replies),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<{ ok: boolean; error?: string }>;
}

const asFields = (reply: OracleReply): ReplyField[] =>
  "text" in reply ? [["0", reply.text]] : reply.fields.map(([name, value]) => [name, typeof value === "string" ? value : new Blob([value.file])]);

const accepts = (reply: OracleReply) => ("text" in reply ? isDecodableTextReply(reply.text) : isDecodableReply(asFields(reply)));

const R = (...fields: Array<[string, string]>): OracleReply => ({ fields });

describe("examples", () => {
  test.each<[string, OracleReply, boolean]>([
    ["plain arguments", { text: '["a",1,null,{"b":true}]' }, true],
    ["a reference in a text body (it has no other parts)", { text: '["$1"]' }, false],
    ["not JSON", { text: "[1," }, false],
    ["a FormData argument", R(["_1_name", "张三"], ["0", '[null,"$K1"]']), true],
    ["a field without a name", R(["", "x"], ["0", "[]"]), false],
    ["a part before the root", R(["1", '{"a":1}'], ["0", '["$1"]']), true],
    ["a missing part", R(["0", '["$1"]']), false],
    ["a part after the root", R(["0", '["$1"]'], ["1", '{"a":1}']), false],
    ["the root twice", R(["0", "[1]"], ["0", "[2]"]), false],
    ["no root", R(["1", "[1]"]), false],
    ["a part that is not JSON", R(["1", "{"], ["0", '["$1"]']), false],
    ["a Map from pairs", R(["1", '[[1,"x"]]'], ["0", '["$Q1"]']), true],
    ["a Map from a non-pair", R(["1", "[1]"], ["0", '["$Q1"]']), false],
    ["the same part read as two Maps", R(["1", "[[1,2]]"], ["0", '["$Q1","$Q1"]']), false],
    ["a Set", R(["1", "[1,2]"], ["0", '["$W1"]']), true],
    ["a path into the root", { text: '{"a":{"b":1},"c":"$0:a"}' }, true],
    ["a path to nothing", R(["1", '{"b":1}'], ["0", '["$1:a"]']), false],
    ["a bigint", { text: '["$n12345678901234567890"]' }, true],
    ["a bad bigint", { text: '["$n12a"]' }, false],
    ["a 301-digit bigint", { text: `["$n${"9".repeat(301)}"]` }, false],
    ["dates, undefined, NaN, Infinity, -0, an escaped $", { text: '["$D2026-11-30T00:00:00.000Z","$undefined","$NaN","$Infinity","$-0","$$x"]' }, true],
    ["a property that decodes to undefined is gone, so no path reaches it", { text: '{"0":["$0:a"],"a":"$undefined"}' }, false],
    ["a temporary reference", { text: '["$T",{"a":"$T"}]' }, true],
    ["a temporary reference under a key React cannot name", { text: '{"a:b":"$T"}' }, false],
    ["a server reference (no action takes one)", R(["1", '{"id":"x","bound":null}'], ["0", '["$h1"]']), false],
    ["a blob reference", R(["0", '["$B1"]']), false],
    ["a promise", R(["1", "1"], ["0", '["$@1"]']), false],
    ["an unknown tag", { text: '["$Zebra"]' }, false],
    ["an id that is not hex", { text: '["$1g"]' }, false],
    ["nesting deeper than any form", { text: "[".repeat(100) + "]".repeat(100) }, false],
  ])("%s", (_, reply, expected) => {
    expect(accepts(reply)).toBe(expected);
    if (expected) expect(decodeWithReact([reply])).toEqual([{ ok: true }]);
  });
});

// ---------- generated replies ----------

const require = createRequire(import.meta.url);
const client = require(path.join(process.cwd(), "node_modules/next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js")) as {
  encodeReply(value: unknown, options?: { temporaryReferences?: unknown }): Promise<string | FormData>;
  createTemporaryReferenceSet(): unknown;
};

/** Arguments a client could pass an action: JSON, dates, bigints, Maps, Sets, FormData, shared objects. */
const argument: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.constantFrom("$", "$1", "$Q1", "$$", "$K", "$0:0"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: true }),
  ),
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 4, noNullPrototype: true }),
    fc.array(fc.tuple(tie("leaf"), tie("value")), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.array(tie("leaf"), { maxLength: 3 }).map((items) => new Set(items)),
    fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.string()), { maxLength: 3 }).map((entries) => {
      const form = new FormData();
      for (const [k, v] of entries) form.append(k, v);
      return form;
    }),
    tie("leaf").map((shared) => {
      const object = { shared };
      return [object, { again: object }, new Map([["m", object]])];
    }),
  ),
})).value;

async function encode(args: unknown[]): Promise<OracleReply> {
  const encoded = await client.encodeReply(args, { temporaryReferences: client.createTemporaryReferenceSet() });
  if (typeof encoded === "string") return { text: encoded };
  return { fields: [...encoded.entries()].map(([k, v]) => [k, typeof v === "string" ? v : { file: "x" }]) };
}

const SEED = Number(process.env.REPLY_SEED ?? 20261130);
const RUNS = Number(process.env.REPLY_RUNS ?? 4000);

test("everything React's client encodes is accepted, and React decodes it", async () => {
  const samples = fc.sample(fc.array(argument, { maxLength: 3 }), { seed: SEED, numRuns: Math.round(RUNS / 10) });
  const replies = await Promise.all(samples.map(encode));
  const refused = replies.filter((r) => !accepts(r));
  expect(refused).toEqual([]);
  const decoded = decodeWithReact(replies);
  expect(replies.filter((_, i) => !decoded[i]!.ok)).toEqual([]);
  // The samples reach every kind of part React's client writes.
  const all = JSON.stringify(replies);
  for (const tag of ["$Q", "$W", "$K", "$D", "$n", ":", '"_1_']) expect(all).toContain(tag);
});

/** Hostile replies: a few numbered parts in any order, made of tags and references that may not resolve. */
const hostile: fc.Arbitrary<OracleReply> = (() => {
  const tagged = fc.constantFrom(
    "$0", "$1", "$2", "$3", "$a", "$0:0", "$0:a", "$1:0", "$1:a", "$2:0:0", "$Q1", "$Q2", "$W1", "$W2", "$i1", "$i2", "$@1",
    "$h1", "$B1", "$A1", "$R1", "$X1", "$K1", "$T", "$n1", "$n", "$nx", "$D2026", "$undefined", "$NaN", "$-0", "$$", "$", "$Zz", "$1g", "$C",
  );
  const model: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      tagged,
      fc.integer({ min: 0, max: 3 }),
      fc.constant(null),
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("a", "0", "b"), tie("node"), { maxKeys: 2 }),
    ),
  })).node;
  const field = fc.tuple(
    fc.constantFrom("0", "0", "1", "2", "3", "_1_x", ""),
    fc.oneof({ weight: 9, arbitrary: model.map((m) => JSON.stringify(m) ?? "null") }, { weight: 1, arbitrary: fc.constantFrom("{", "", "x") }),
  );
  const fields = fc.array(field, { minLength: 1, maxLength: 5 }).map((f): OracleReply => ({ fields: f.map(([k, v]) => [k, v] as [string, string]) }));
  const text = model.map((m): OracleReply => ({ text: JSON.stringify(m) ?? "null" }));
  return fc.oneof({ weight: 3, arbitrary: fields }, { weight: 1, arbitrary: text });
})();

test("every hostile reply the check accepts decodes in React (none reaches Next's 500)", () => {
  const replies = fc.sample(hostile, { seed: SEED, numRuns: RUNS });
  const accepted = replies.filter(accepts);
  const decoded = decodeWithReact(accepted);
  const failures = accepted.flatMap((reply, i) => (decoded[i]!.ok ? [] : [{ reply, error: decoded[i]!.error }]));
  expect(failures).toEqual([]);
  // Both sides are exercised: many accepted, many refused.
  expect(accepted.length).toBeGreaterThan(400);
  expect(replies.length - accepted.length).toBeGreaterThan(400);
});
