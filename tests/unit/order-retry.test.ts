// When placing an order tries again (lib/server/orders/order-rows.ts): an order number or transfer reference drawn
// twice, or a transaction PostgreSQL rolled back to break a deadlock; any other failure is not retried.
import { describe, expect, test } from "vitest";
import { deadlocked, numberTaken, ORDER_ATTEMPTS, retryingOrder } from "@/lib/server/orders/order-rows";

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
