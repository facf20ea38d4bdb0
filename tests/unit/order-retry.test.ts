// When placing an order tries again (lib/server/orders/order-rows.ts): an order number or transfer reference drawn
// twice, or a transaction PostgreSQL rolled back to break a deadlock; any other failure is not retried.
import { describe, expect, test } from "vitest";
import { deadlocked, numberTaken } from "@/lib/server/orders/order-rows";

/** An error as Prisma raises it for a failed raw query: the SQLSTATE in the message and, on some paths, in meta. */
const prismaError = (message: string, meta?: object) => Object.assign(new Error(message), meta ? { meta } : {});

const cases: { name: string; error: unknown; numberTaken: boolean; deadlocked: boolean }[] = [
  { name: "deadlock, raw query", error: prismaError("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `40P01`. Message: `deadlock detected`"), numberTaken: false, deadlocked: true },
  { name: "deadlock, code in meta only", error: prismaError("Transaction failed", { code: "40P01" }), numberTaken: false, deadlocked: true },
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
