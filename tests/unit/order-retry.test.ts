// When placing an order tries again (lib/server/orders/order-rows.ts): an order number or transfer reference drawn
// twice, or a transaction PostgreSQL rolled back to break a deadlock; any other failure is not retried. And the
// stock take's statement: one conditional UPDATE per product, in one lock order, each waiting for the one before.
import { describe, expect, test } from "vitest";
import { byProductId, deadlocked, numberTaken, ORDER_ATTEMPTS, retryingOrder, stockTakeCtes } from "@/lib/server/orders/order-rows";

/** An error as Prisma raises it for a failed raw query: the SQLSTATE in the message. */
const prismaError = (message: string) => new Error(message);

const cases: { name: string; error: unknown; numberTaken: boolean; deadlocked: boolean }[] = [
  { name: "deadlock, raw query", error: prismaError("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `40P01`. Message: `deadlock detected`"), numberTaken: false, deadlocked: true },
  {
    name: "deadlock in a model query (Prisma's P2034)",
    error: Object.assign(new Error("Transaction failed due to a write conflict or a deadlock. Please retry your transaction"), { code: "P2034" }),
    numberTaken: false,
    deadlocked: true,
  },
  { name: "another Prisma error code", error: Object.assign(new Error("Unique constraint failed"), { code: "P2002" }), numberTaken: false, deadlocked: false },
  { name: "deadlock, node-postgres (code on the error)", error: Object.assign(new Error("deadlock detected"), { code: "40P01" }), numberTaken: false, deadlocked: true },
  { name: "order number taken", error: prismaError('Unique constraint failed: duplicate key value violates unique constraint "Order_number_key"'), numberTaken: true, deadlocked: false },
  { name: "transfer reference taken", error: prismaError('duplicate key value violates unique constraint "Order_transferReference_key"'), numberTaken: true, deadlocked: false },
  { name: "another unique key", error: prismaError('duplicate key value violates unique constraint "Payment_orderId_key"'), numberTaken: false, deadlocked: false },
  { name: "serialization failure (not retried: checkout runs READ COMMITTED)", error: prismaError("Code: `40001`. Message: `could not serialize access`"), numberTaken: false, deadlocked: false },
  { name: "a number that merely contains the code", error: prismaError("row 140P012 not found"), numberTaken: false, deadlocked: false },
  { name: "not an Error", error: "40P01", numberTaken: false, deadlocked: false },
  { name: "nothing", error: undefined, numberTaken: false, deadlocked: false },
];

describe("placing an order tries again only for a taken number or a deadlock", () => {
  test.each(cases)("$name", (c) => {
    expect(numberTaken(c.error)).toBe(c.numberTaken);
    expect(deadlocked(c.error)).toBe(c.deadlocked);
  });
});

const deadlock = () => prismaError("Raw query failed. Code: `40P01`. Message: `deadlock detected`");
const taken = () => prismaError('duplicate key value violates unique constraint "Order_number_key"');
const other = () => prismaError("Can't reach database server");

/** What each attempt does, in turn: fail with an error, or succeed. */
const runs: { name: string; attempts: (() => Error)[]; outcome: "placed" | "thrown"; tries: number }[] = [
  { name: "first attempt succeeds", attempts: [], outcome: "placed", tries: 1 },
  { name: "a deadlock, then success", attempts: [deadlock], outcome: "placed", tries: 2 },
  { name: "a taken number, then a deadlock, then success", attempts: [taken, deadlock], outcome: "placed", tries: 3 },
  { name: "three deadlocks: the third is thrown", attempts: [deadlock, deadlock, deadlock], outcome: "thrown", tries: 3 },
  { name: "another failure is thrown at once", attempts: [other], outcome: "thrown", tries: 1 },
  { name: "a deadlock, then another failure: thrown", attempts: [deadlock, other], outcome: "thrown", tries: 2 },
];

describe("retryingOrder runs an order again only for what trying again cures", () => {
  test.each(runs)("$name", async (r) => {
    let tries = 0;
    const result = retryingOrder(async () => {
      const fail = r.attempts[tries++];
      if (fail) throw fail();
      return "placed";
    });
    if (r.outcome === "placed") await expect(result).resolves.toBe("placed");
    else await expect(result).rejects.toThrow();
    expect(tries).toBe(r.tries);
    expect(tries).toBeLessThanOrEqual(ORDER_ATTEMPTS);
  });
});

describe("stockTakeCtes: one conditional UPDATE per product, in one lock order", () => {
  const stamp = new Date("2026-12-01T00:00:00Z");
  const statement = (wanted: { productId: string; quantity: number }[]) => stockTakeCtes(wanted, stamp);
  const cases: { name: string; wanted: { productId: string; quantity: number }[]; steps: string[] }[] = [
    { name: "none: an empty, typed result", wanted: [], steps: [] },
    { name: "one product", wanted: [{ productId: "p1", quantity: 2 }], steps: ["p1"] },
    { name: "named in another order: taken in id order", wanted: [{ productId: "pb", quantity: 1 }, { productId: "pa", quantity: 3 }, { productId: "p9", quantity: 1 }], steps: ["p9", "pa", "pb"] },
    // Code units, not a locale's order: upper case before lower, digits before letters.
    { name: "code-unit order", wanted: [{ productId: "b", quantity: 1 }, { productId: "B", quantity: 1 }, { productId: "0", quantity: 1 }], steps: ["0", "B", "b"] },
  ];
  test.each(cases)("$name", ({ wanted, steps }) => {
    const sql = statement(wanted);
    // Each step's parameters: its quantity, the stamp, its id, its quantity again.
    const ids = sql.values.filter((v) => typeof v === "string" && wanted.some((w) => w.productId === v));
    expect(ids).toEqual(steps);
    steps.forEach((_, i) => expect(sql.sql).toContain(`"take${i}" AS (`));
    // Every step after the first waits for the one before it.
    for (let i = 1; i < steps.length; i++) expect(sql.sql).toContain(`(SELECT COUNT(*) FROM "take${i - 1}") >= 0`);
    expect(sql.sql).toContain(steps.length ? `"taken" AS (${steps.map((_, i) => `SELECT * FROM "take${i}"`).join(" UNION ALL ")})` : "WHERE FALSE");
  });

  test("a product named twice is refused (its second UPDATE would be skipped)", () => {
    expect(() => statement([{ productId: "p1", quantity: 1 }, { productId: "p1", quantity: 2 }])).toThrow(/named twice/);
  });

  test("byProductId sorts as the take locks", () => {
    expect([{ productId: "b" }, { productId: "B" }, { productId: "a1" }, { productId: "a" }].sort(byProductId).map((r) => r.productId)).toEqual(["B", "a", "a1", "b"]);
  });
});
