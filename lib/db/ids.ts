// Ids for rows written with SQL rather than through Prisma's create, which fills `@default(cuid())` itself: the same
// shape as Prisma's cuid (version 1) — "c", the time in base 36, a per-process counter, a fingerprint of the
// process and eight random characters — so ids written either way look alike, and those made one after another in
// a process sort in the order they were made (an order's lines keep the cart's order by id, as with createMany).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const BASE = 36;
const BLOCK = BASE ** 4;
const pad = (s: string, n: number) => s.padStart(n, "0").slice(-n);
const hostSum = [...hostname()].reduce((s, ch) => s + ch.charCodeAt(0), hostname().length + BASE);
const FINGERPRINT = pad(process.pid.toString(BASE), 2) + pad(hostSum.toString(BASE), 2);
let counter = 0;

function randomBlock(): string {
  const bytes = randomBytes(8);
  let out = "";
  for (const b of bytes) out += (b % BASE).toString(BASE);
  return out;
}

/** A new row id, e.g. `cmx3a1b2c0004abcdq1w2e3r4`. */
export function newId(): string {
  const count = pad(counter.toString(BASE), 4);
  counter = (counter + 1) % BLOCK;
  return `c${Date.now().toString(BASE)}${count}${FINGERPRINT}${randomBlock()}`;
}
