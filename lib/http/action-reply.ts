// Whether a server-action reply (the arguments React's encodeReply sends) is one React's decoder can read
// without throwing. Next decodes a reply before any of our code runs and answers 500 when the decoder throws
// ("Connection closed.", "Invalid forward reference.", "Invalid reference.", "Already initialized Map." …), so
// the proxy refuses a reply this module does not accept with a 400 (lib/http/server-action.ts).
//
// A reply is a root model (field "0", or the whole text/plain body) in JSON, whose strings starting with "$"
// are tags: constants ("$undefined", "$NaN", "$D<date>", "$n<bigint>" …), a FormData ("$K<id>": fields
// "_<id>_<name>"), or references to other numbered fields ("$<id>[:path]", "$Q<id>" Map, "$W<id>" Set,
// "$i<id>" iterator). The rules below are stricter than React where strictness is cheap and no real client is
// refused: React's client sets the root last, after every part it references, so a reference to a part that
// comes after the root, or that is missing, is refused; so are tags our actions never take (server references,
// promises, blobs, typed arrays, streams). tests/unit/action-reply.test.ts checks both directions against
// React itself: everything this accepts decodes, and everything React's encodeReply sends is accepted.

/** A field of the reply, in the order the body carries them. */
export type ReplyField = readonly [name: string, value: string | Blob];

const MAX_DEPTH = 64;
// React refuses arrays whose slots (elements, and characters of strings inside arrays) pass 1,000,000.
const MAX_ARRAY_COST = 1_000_000;
const MAX_BIGINT_DIGITS = 300;
const HEX = /^[0-9a-fA-F]+$/;
// Tags that stand for a value on their own and never throw: $$ (an escaped "$"), undefined, Infinity, -0 and
// -Infinity, NaN, a date, a temporary reference (an opaque value the server hands back), a FormData.
// ("$T" only where React can name the value's place: not under an object key holding a ":".)
const SAFE_TAGS = new Set(["$", "u", "I", "-", "N", "D", "H", "K"]);

class Refused extends Error {}

function refuse(): never {
  throw new Refused();
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** True when React's reply decoder reads these fields (in this order) without throwing. */
export function isDecodableReply(fields: readonly ReplyField[]): boolean {
  try {
    check(fields);
    return true;
  } catch (error) {
    if (error instanceof Refused || error instanceof SyntaxError || error instanceof RangeError) return false;
    throw error;
  }
}

/** A text/plain reply: the whole body is the root model, with no other parts. */
export function isDecodableTextReply(body: string): boolean {
  return isDecodableReply([["0", body]]);
}

function check(fields: readonly ReplyField[]): void {
  // Numbered fields are the model parts; each may appear once (a second "0" makes React throw).
  const position = new Map<string, number>();
  // A field without a name crashes Next's multipart reader (busboy hands React an undefined name).
  if (fields.some(([name]) => name === "")) refuse();
  fields.forEach(([name], i) => {
    if (!/^\d+$/.test(name)) return;
    if (position.has(name)) refuse();
    position.set(name, i);
  });
  const rootAt = position.get("0");
  if (rootAt === undefined) refuse();
  const parsed = new Map<number, Json>();
  const part = (id: number): Json => {
    const cached = parsed.get(id);
    if (cached !== undefined || parsed.has(id)) return cached as Json;
    const at = position.get(String(id));
    // A part must come before the root: React starts reading when the root arrives.
    if (at === undefined || (id !== 0 && at > rootAt)) refuse();
    const text = fields[at]![1];
    if (typeof text !== "string") refuse();
    const value = JSON.parse(text) as Json;
    parsed.set(id, value);
    return value;
  };

  const consumed = new Set<number>(); // parts read as a Map, Set or iterator: React reads each only once
  const walked = new Set<number>();
  const cost = new Map<number, number>(); // array slots a part adds where it is used inside an array

  const referencedId = (hex: string): number => {
    if (!HEX.test(hex)) refuse();
    return parseInt(hex, 16);
  };

  /** Checks a part's model (once) and returns its array cost. */
  const walkPart = (id: number): number => {
    if (walked.has(id)) return cost.get(id) ?? 0;
    walked.add(id);
    const c = walkValue(part(id), 0, false);
    cost.set(id, c);
    return c;
  };

  /** Follows a path reference ("$1:a:0") through plain objects and arrays, as React does. */
  const resolvePath = (id: number, path: readonly string[], hops = 0): Json => {
    if (hops > MAX_DEPTH) refuse();
    let value = part(id);
    for (const name of path) {
      value = dereference(value, hops);
      if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, name)) refuse();
      const next = (value as Record<string, Json>)[name]!;
      // React deletes an object's "__proto__" and every property that decodes to undefined.
      if (!Array.isArray(value) && (name === "__proto__" || isUndefinedTag(next))) refuse();
      value = next;
    }
    return value;
  };

  /** A plain reference stands for the part it names; every other tagged string stays what it is. */
  const dereference = (value: Json, hops: number): Json => {
    if (typeof value !== "string" || value[0] !== "$" || value.length < 2 || !HEX.test(value[1]!) || isTag(value[1]!)) return value;
    const [hex, ...path] = value.slice(1).split(":");
    return resolvePath(referencedId(hex!), path, hops + 1);
  };

  // `counting`: the value was checked already (it is reached again through a path); only its cost is wanted.
  const walkString = (s: string, depth: number, inArray: boolean, counting: boolean, placed: boolean): number => {
    if (s[0] !== "$") return inArray ? s.length : 0;
    if (s.length < 2) refuse(); // a lone "$" is a reference to part NaN
    const tag = s[1]!;
    if (tag === "T") {
      if (!placed && !counting) refuse();
      return inArray ? 1 : 0;
    }
    if (tag === "n") {
      const digits = s.slice(2);
      if (digits.length > MAX_BIGINT_DIGITS) refuse();
      BigInt(digits); // throws SyntaxError, like React
      return inArray ? digits.length : 0;
    }
    if (SAFE_TAGS.has(tag)) return inArray ? s.length - 1 : 0;
    if (tag === "Q" || tag === "W" || tag === "i") {
      const id = referencedId(s.slice(2));
      if (counting) return cost.get(id) ?? 0;
      if (consumed.has(id)) refuse();
      consumed.add(id);
      const model = part(id);
      if (!Array.isArray(model)) refuse();
      // A Map is built from [key, value] pairs; React's client sends them as literal arrays.
      if (tag === "Q" && !model.every((entry) => Array.isArray(entry))) refuse();
      return walkPart(id);
    }
    if (!HEX.test(tag) || isTag(tag)) refuse(); // server references, promises, blobs, typed arrays, streams
    const [hex, ...path] = s.slice(1).split(":");
    const id = referencedId(hex!);
    if (path.length > 0) {
      walkPart(id);
      return walkValue(resolvePath(id, path), depth + 1, inArray, true);
    }
    return walkPart(id);
  };

  // `placed`: React can name the value's place in the reply (every key on the way is free of ":").
  const walkValue = (value: Json, depth: number, inArray: boolean, counting = false, placed = true): number => {
    if (depth > MAX_DEPTH) refuse();
    if (typeof value === "string") return walkString(value, depth, inArray, counting, placed);
    if (Array.isArray(value)) {
      let total = value.length + 1;
      for (const item of value) total += walkValue(item, depth + 1, true, counting, placed);
      if (total > MAX_ARRAY_COST) refuse();
      return total;
    }
    if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) walkValue(item, depth + 1, false, counting, placed && !key.includes(":"));
    }
    return 0;
  };

  walkPart(0);
}

function isUndefinedTag(value: Json): boolean {
  return typeof value === "string" && (value.startsWith("$u") || value.startsWith("$H"));
}

// Letters React reads as tags rather than as the first digit of a part's id ("$B1" is a blob, "$b1" part 0xb1).
function isTag(letter: string): boolean {
  return "ABDOSUVLGMRX".includes(letter);
}
