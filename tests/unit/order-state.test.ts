// The four state machines of lib/domain/order-state.ts, and settle. Every expectation below is written out by
// hand (from the order lifecycle the shop has today), not read from the module's tables: a transition added to,
// removed from or changed in a table fails here.
import { describe, expect, test } from "vitest";
import {
  isReservationExpired,
  bulkMove,
  canTransition,
  CAPTURED_PAYMENT_STATUSES,
  COUNTED_REFUND_STATUSES,
  isCountedRefund,
  isOpenRefund,
  isPaidOrder,
  isRefundableOrder,
  next,
  OPEN_REFUND_STATUSES,
  ORDER_STATUSES,
  PAID_ORDER_STATUSES,
  PAYMENT_STATUSES,
  paymentStatusAfterRefunds,
  REFUND_STATUSES,
  REFUNDABLE_ORDER_STATUSES,
  REFUNDABLE_PAYMENT_STATUSES,
  refundLevel,
  settle,
  SHIPMENT_STATUSES,
  TRANSITIONS,
  type Machine,
  type OrderStatus,
  type PaymentStatus,
  type RefundRow,
  type RefundStatus,
  type Settlement,
  type ShipmentStatus,
} from "@/lib/domain/order-state";
import * as Db from "@/lib/generated/prisma/enums";

// Compile-time: the pure module's state names are exactly the database's (`tsc --noEmit` fails otherwise).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameAsPrisma: [Equal<OrderStatus, Db.OrderStatus>, Equal<PaymentStatus, Db.PaymentStatus>, Equal<RefundStatus, Db.RefundStatus>, Equal<ShipmentStatus, Db.ShipmentStatus>] = [
  true,
  true,
  true,
  true,
];

test("the state lists are the Prisma enums, value for value", () => {
  expect(sameAsPrisma).toEqual([true, true, true, true]);
  expect([...ORDER_STATUSES].sort()).toEqual(Object.values(Db.OrderStatus).sort());
  expect([...PAYMENT_STATUSES].sort()).toEqual(Object.values(Db.PaymentStatus).sort());
  expect([...REFUND_STATUSES].sort()).toEqual(Object.values(Db.RefundStatus).sort());
  expect([...SHIPMENT_STATUSES].sort()).toEqual(Object.values(Db.ShipmentStatus).sort());
});

type Row = readonly [from: string, event: string, to: string];

// Each machine's states and events, and the moves allowed, by hand.
const MACHINES: Record<Machine, { states: readonly string[]; events: readonly string[]; allowed: readonly Row[] }> = {
  order: {
    states: ["PENDING_PAYMENT", "PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"],
    events: ["paid", "cancelled", "shippedInPart", "shippedInFull", "delivered", "refundedNothing", "refundedInPart", "refundedInFull"],
    allowed: [
      ["PENDING_PAYMENT", "paid", "PAID"],
      ["PENDING_PAYMENT", "cancelled", "CANCELLED"],
      ["CANCELLED", "paid", "PAID"], // paid after the reservation ran out, stock taken again
      ["PAID", "shippedInPart", "PARTIALLY_SHIPPED"],
      ["PAID", "shippedInFull", "SHIPPED"],
      ["PARTIALLY_SHIPPED", "shippedInFull", "SHIPPED"],
      ["SHIPPED", "delivered", "DELIVERED"],
      ["PAID", "refundedInFull", "REFUNDED"],
      ["PARTIALLY_SHIPPED", "refundedInFull", "REFUNDED"],
      ["SHIPPED", "refundedInFull", "REFUNDED"],
      ["DELIVERED", "refundedInFull", "REFUNDED"],
      ["REFUNDED", "refundedInPart", "PAID"], // a counted refund failed after all
      ["REFUNDED", "refundedNothing", "PAID"],
    ],
  },
  payment: {
    states: ["PENDING", "SUCCEEDED", "FAILED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED"],
    events: ["succeeded", "failed", "expired", "refundedNothing", "refundedInPart", "refundedInFull"],
    allowed: [
      ["PENDING", "succeeded", "SUCCEEDED"],
      ["PENDING", "failed", "FAILED"],
      ["PENDING", "expired", "EXPIRED"],
      ["FAILED", "succeeded", "SUCCEEDED"],
      ["EXPIRED", "succeeded", "SUCCEEDED"],
      ["SUCCEEDED", "refundedNothing", "SUCCEEDED"],
      ["SUCCEEDED", "refundedInPart", "PARTIALLY_REFUNDED"],
      ["SUCCEEDED", "refundedInFull", "REFUNDED"],
      ["PARTIALLY_REFUNDED", "refundedNothing", "SUCCEEDED"],
      ["PARTIALLY_REFUNDED", "refundedInPart", "PARTIALLY_REFUNDED"],
      ["PARTIALLY_REFUNDED", "refundedInFull", "REFUNDED"],
      ["REFUNDED", "refundedNothing", "SUCCEEDED"],
      ["REFUNDED", "refundedInPart", "PARTIALLY_REFUNDED"],
      ["REFUNDED", "refundedInFull", "REFUNDED"],
    ],
  },
  refund: {
    states: ["REQUESTED", "APPROVED", "SUCCEEDED", "REJECTED", "FAILED"],
    events: ["approved", "paidByOperator", "rejected", "stripeUnreachable", "stripePending", "stripeSucceeded", "stripeFailed"],
    allowed: [
      ["REQUESTED", "approved", "APPROVED"],
      ["REQUESTED", "paidByOperator", "SUCCEEDED"],
      ["REQUESTED", "rejected", "REJECTED"],
      ["REQUESTED", "stripePending", "APPROVED"],
      ["REQUESTED", "stripeSucceeded", "SUCCEEDED"],
      ["REQUESTED", "stripeFailed", "FAILED"],
      ["APPROVED", "stripeUnreachable", "REQUESTED"],
      ["APPROVED", "stripePending", "APPROVED"],
      ["APPROVED", "stripeSucceeded", "SUCCEEDED"],
      ["APPROVED", "stripeFailed", "FAILED"],
      ["SUCCEEDED", "stripePending", "SUCCEEDED"], // a late "pending" does not undo "succeeded"
      ["SUCCEEDED", "stripeSucceeded", "SUCCEEDED"],
      ["SUCCEEDED", "stripeFailed", "FAILED"],
      ["REJECTED", "stripePending", "APPROVED"], // Stripe made it anyway (an answer lost, then rejected)
      ["REJECTED", "stripeSucceeded", "SUCCEEDED"],
      ["REJECTED", "stripeFailed", "FAILED"],
    ],
  },
  shipment: {
    states: ["PENDING", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED"],
    events: ["packed", "shipped", "delivered", "cancelled", "reopened"],
    allowed: [
      ["PENDING", "packed", "PACKED"],
      ["PACKED", "shipped", "SHIPPED"],
      ["SHIPPED", "delivered", "DELIVERED"],
      ["PENDING", "cancelled", "CANCELLED"],
      ["CANCELLED", "reopened", "PENDING"],
    ],
  },
};

// The loose signature lets the hand-written rows (plain strings) reach the typed helpers.
const nextOf = next as (machine: Machine, from: string, event: string) => string | null;
const canOf = canTransition as (machine: Machine, from: string, event: string) => boolean;

describe.each(Object.keys(MACHINES) as Machine[])("the %s machine", (machine) => {
  const { states, events, allowed } = MACHINES[machine];
  const refused = states.flatMap((from) => events.filter((event) => !allowed.some(([f, e]) => f === from && e === event)).map((event) => [from, event] as const));

  test.each(allowed)(`allows %s --%s--> %s`, (from, event, to) => {
    expect(nextOf(machine, from, event)).toBe(to);
    expect(canOf(machine, from, event)).toBe(true);
  });

  test.each(refused)(`refuses %s --%s-->`, (from, event) => {
    expect(nextOf(machine, from, event)).toBeNull();
    expect(canOf(machine, from, event)).toBe(false);
  });

  test("its table holds these moves and no others", () => {
    const table = TRANSITIONS[machine] as Record<string, Record<string, string>>;
    expect(Object.keys(table).sort()).toEqual([...states].sort());
    const rows = Object.entries(table).flatMap(([from, moves]) => Object.entries(moves).map(([event, to]) => `${from} ${event} ${to}`));
    expect(rows.sort()).toEqual(allowed.map((r) => r.join(" ")).sort());
  });
});

test("a failed refund is final; a delivered parcel moves no further", () => {
  for (const event of MACHINES.refund.events) expect(nextOf("refund", "FAILED", event)).toBeNull();
  for (const event of MACHINES.shipment.events) expect(nextOf("shipment", "DELIVERED", event)).toBeNull();
});

describe("bulkMove", () => {
  test.each([
    ["order", "cancelled", ["PENDING_PAYMENT"], "CANCELLED"],
    ["order", "paid", ["PENDING_PAYMENT", "CANCELLED"], "PAID"],
    ["order", "refundedInFull", ["PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED"], "REFUNDED"],
    ["payment", "expired", ["PENDING"], "EXPIRED"],
    ["payment", "failed", ["PENDING"], "FAILED"],
    ["payment", "succeeded", ["PENDING", "FAILED", "EXPIRED"], "SUCCEEDED"],
    ["refund", "stripeUnreachable", ["APPROVED"], "REQUESTED"],
    ["refund", "rejected", ["REQUESTED"], "REJECTED"],
    ["shipment", "cancelled", ["PENDING"], "CANCELLED"],
    ["shipment", "reopened", ["CANCELLED"], "PENDING"],
  ] as const)("%s %s: %j → %s", (machine, event, from, to) => {
    const move = (bulkMove as (m: Machine, e: string) => { from: string[]; to: string })(machine, event);
    expect({ from: [...move.from].sort(), to: move.to }).toEqual({ from: [...from].sort(), to });
  });

  test("an event leading to different states cannot be one bulk update", () => {
    // stripePending: REQUESTED/APPROVED/REJECTED → APPROVED, but SUCCEEDED → SUCCEEDED.
    expect(() => bulkMove("refund", "stripePending")).toThrow(/2 target states/);
  });
});

describe("status lists", () => {
  test("each is what its name says", () => {
    expect([...REFUNDABLE_ORDER_STATUSES].sort()).toEqual(["DELIVERED", "PAID", "PARTIALLY_SHIPPED", "SHIPPED"]);
    expect([...PAID_ORDER_STATUSES].sort()).toEqual(["DELIVERED", "PAID", "PARTIALLY_SHIPPED", "REFUNDED", "SHIPPED"]);
    expect([...CAPTURED_PAYMENT_STATUSES].sort()).toEqual(["PARTIALLY_REFUNDED", "REFUNDED", "SUCCEEDED"]);
    expect([...REFUNDABLE_PAYMENT_STATUSES].sort()).toEqual(["PARTIALLY_REFUNDED", "SUCCEEDED"]);
    expect([...OPEN_REFUND_STATUSES].sort()).toEqual(["APPROVED", "REQUESTED"]);
    expect([...COUNTED_REFUND_STATUSES].sort()).toEqual(["APPROVED", "SUCCEEDED"]);
  });

  test.each([
    ["PENDING_PAYMENT", false, false],
    ["PAID", true, true],
    ["PARTIALLY_SHIPPED", true, true],
    ["SHIPPED", true, true],
    ["DELIVERED", true, true],
    ["CANCELLED", false, false],
    ["REFUNDED", false, true],
  ] as const)("order %s: refundable %s, paid %s", (status, refundable, paid) => {
    expect(isRefundableOrder(status)).toBe(refundable);
    expect(isPaidOrder(status)).toBe(paid);
  });

  test.each([
    ["REQUESTED", true],
    ["APPROVED", true],
    ["SUCCEEDED", false],
    ["REJECTED", false],
    ["FAILED", false],
  ] as const)("refund %s is open: %s", (status, open) => {
    expect(isOpenRefund(status)).toBe(open);
  });

  test.each([
    ["REQUESTED", false],
    ["APPROVED", true],
    ["SUCCEEDED", true],
    ["REJECTED", false],
    ["FAILED", false],
  ] as const)("refund %s may be counted: %s", (status, counted) => {
    expect(isCountedRefund(status)).toBe(counted);
  });
});

describe("refundLevel and the payment's status", () => {
  test.each([
    [0, 10_000, "refundedNothing", "SUCCEEDED"],
    [1, 10_000, "refundedInPart", "PARTIALLY_REFUNDED"],
    [9_999, 10_000, "refundedInPart", "PARTIALLY_REFUNDED"],
    [10_000, 10_000, "refundedInFull", "REFUNDED"],
    [12_000, 10_000, "refundedInFull", "REFUNDED"], // a second payment's share is capped at its own amount
    [0, 0, "refundedNothing", "SUCCEEDED"],
  ] as const)("%i of %i fen back: %s, %s", (refunded, amount, level, status) => {
    expect(refundLevel(refunded, amount)).toBe(level);
    for (const from of ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const) expect(paymentStatusAfterRefunds(from, refunded, amount)).toBe(status);
  });

  test("a payment that never arrived is not moved by refunds", () => {
    for (const from of ["PENDING", "FAILED", "EXPIRED"] as const) expect(paymentStatusAfterRefunds(from, 500, 10_000)).toBeNull();
  });
});

describe("settle", () => {
  const ok = (amountFen: number | bigint, status: RefundStatus = "SUCCEEDED", recorded = true): RefundRow => ({ amountFen, status, recorded });
  const TOTAL = 10_000;

  test.each<{ why: string; rows: RefundRow[]; current: OrderStatus; expected: Settlement }>([
    { why: "no refunds", rows: [], current: "PAID", expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: null } },
    {
      why: "a partial refund keeps the order paid",
      rows: [ok(3_000)],
      current: "PAID",
      expected: { refundedFen: 3_000, orderStatus: "PAID", paymentStatus: "PARTIALLY_REFUNDED", shipments: null },
    },
    {
      why: "two partial refunds that make the whole: refunded, unpacked parcels cancelled",
      rows: [ok(6_000), ok(4_000)],
      current: "SHIPPED",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: "cancelled" },
    },
    {
      why: "a delivered order refunded in full",
      rows: [ok(10_000)],
      current: "DELIVERED",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: "cancelled" },
    },
    {
      why: "more refunded than paid is capped at the total",
      rows: [ok(8_000), ok(5_000)],
      current: "PAID",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: "cancelled" },
    },
    {
      why: "a failed refund is not counted",
      rows: [ok(10_000, "FAILED", false), ok(2_500)],
      current: "PAID",
      expected: { refundedFen: 2_500, orderStatus: "PAID", paymentStatus: "PARTIALLY_REFUNDED", shipments: null },
    },
    {
      why: "a failed refund is not counted even with its recorded flag left on",
      rows: [ok(10_000, "FAILED", true)],
      current: "PAID",
      expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: null },
    },
    {
      why: "a refund Stripe reports pending is counted",
      rows: [ok(10_000, "APPROVED", true)],
      current: "PAID",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: "cancelled" },
    },
    {
      why: "an approved refund Stripe has said nothing of yet is not counted",
      rows: [ok(10_000, "APPROVED", false)],
      current: "PAID",
      expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: null },
    },
    {
      why: "requested and rejected refunds are not counted",
      rows: [ok(4_000, "REQUESTED", true), ok(3_000, "REJECTED", true), ok(1_000, "REQUESTED", false)],
      current: "PAID",
      expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: null },
    },
    {
      why: "a full refund that fell short: paid again, its parcels to be sent",
      rows: [ok(6_000, "FAILED", false), ok(4_000)],
      current: "REFUNDED",
      expected: { refundedFen: 4_000, orderStatus: "PAID", paymentStatus: "PARTIALLY_REFUNDED", shipments: "reopened" },
    },
    {
      why: "every refund failed after a full refund",
      rows: [ok(10_000, "FAILED", false)],
      current: "REFUNDED",
      expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: "reopened" },
    },
    {
      why: "an order already refunded stays so",
      rows: [ok(10_000)],
      current: "REFUNDED",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: null },
    },
    {
      why: "money paid after the order was cancelled, refunded: the order stays cancelled",
      rows: [ok(10_000)],
      current: "CANCELLED",
      expected: { refundedFen: 10_000, orderStatus: "CANCELLED", paymentStatus: "REFUNDED", shipments: null },
    },
    {
      why: "an unpaid order keeps its status",
      rows: [ok(10_000)],
      current: "PENDING_PAYMENT",
      expected: { refundedFen: 10_000, orderStatus: "PENDING_PAYMENT", paymentStatus: "REFUNDED", shipments: null },
    },
    {
      why: "bigint amounts sum exactly",
      rows: [ok(2n ** 60n), ok(-(2n ** 60n) + 1_234n)],
      current: "PAID",
      expected: { refundedFen: 1_234, orderStatus: "PAID", paymentStatus: "PARTIALLY_REFUNDED", shipments: null },
    },
    {
      // As floats 2^53 + 1 + 1 rounds to 2^53 twice, and the sum would come out 0.
      why: "number amounts past 2^53 sum exactly too",
      rows: [ok(2 ** 53), ok(1), ok(1), ok(-(2 ** 53))],
      current: "PAID",
      expected: { refundedFen: 2, orderStatus: "PAID", paymentStatus: "PARTIALLY_REFUNDED", shipments: null },
    },
    {
      why: "sums past the largest safe integer are capped at the total",
      rows: [ok(Number.MAX_SAFE_INTEGER), ok(Number.MAX_SAFE_INTEGER)],
      current: "PAID",
      expected: { refundedFen: 10_000, orderStatus: "REFUNDED", paymentStatus: "REFUNDED", shipments: "cancelled" },
    },
    {
      why: "a sum below zero counts as nothing",
      rows: [ok(-500)],
      current: "PAID",
      expected: { refundedFen: 0, orderStatus: "PAID", paymentStatus: "SUCCEEDED", shipments: null },
    },
  ])("$why", ({ rows, current, expected }) => {
    expect(settle(rows, TOTAL, current)).toEqual(expected);
  });

  test("a fraction of a fen is refused", () => {
    expect(() => settle([ok(12.5)], TOTAL, "PAID")).toThrow(RangeError);
  });

  test("the order in which refund rows are listed does not matter", () => {
    const rows = [ok(3_000), ok(5_000, "FAILED", false), ok(2_000, "APPROVED"), ok(4_000)];
    const expected = settle(rows, TOTAL, "PAID");
    expect(expected.refundedFen).toBe(9_000);
    expect(settle([...rows].reverse(), TOTAL, "PAID")).toEqual(expected);
  });
});

describe("isReservationExpired", () => {
  const now = new Date("2026-11-30T04:00:00Z");
  const before = new Date("2026-11-30T03:59:59Z");
  const after = new Date("2026-11-30T04:00:01Z");
  test.each([
    ["PENDING_PAYMENT", before, true],
    ["PENDING_PAYMENT", now, false],
    ["PENDING_PAYMENT", after, false],
    ["PENDING_PAYMENT", null, false],
    ["PAID", before, false],
    ["CANCELLED", before, false],
  ] as const)("%s, reserved until %s → %s", (status, reservedUntil, expected) => {
    expect(isReservationExpired({ status, reservedUntil }, now)).toBe(expected);
  });
});
