// The calendar jobs on each server's timer (lib/server/schedule.ts): on the first tick of a month, last month gets
// its settlement statements (only if nobody generated them yet); once a day the 防返贫 rules run. Ticks after the
// first in the same month or day do nothing.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/seed";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { runCalendarJobs } from "@/lib/server/schedule";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_schedule");
  db = t.db;
  await seedDatabase(db);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

test("the first tick of December makes November's statements, once; the rules run once a day", async () => {
  const paidOn = new Date("2031-11-12T04:00:00.000Z"); // 12 November 2031, noon in Beijing
  const order = await placeTestOrder(db, "BANK_TRANSFER", [[await productIdOf(db, "nanhongcheng-merlot"), 2]], "schedule");
  expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, method: "BANK_TRANSFER", amountFen: order.totalFen, bankReference: `S-${order.number}` }, paidOn))).toBe("paid");

  const tick = new Date("2031-12-01T01:00:00.000Z"); // 09:00 on 1 December in Beijing
  await runCalendarJobs(db, tick);
  const november = await db.settlement.findMany({ where: { periodStart: new Date("2031-11-01T00:00:00.000Z") }, select: { amountFen: true, status: true } });
  expect(november.length).toBeGreaterThan(0);
  expect(november.every((s) => s.status === "OPEN")).toBe(true);
  const evaluated = await db.auditLog.count({ where: { action: "monitoring.evaluated" } });
  expect(evaluated).toBe(1);

  // Later ticks the same day and month: nothing more.
  const generated = await db.auditLog.count({ where: { action: "settlement.generated" } });
  await runCalendarJobs(db, new Date("2031-12-01T05:00:00.000Z"));
  expect(await db.auditLog.count({ where: { action: "settlement.generated" } })).toBe(generated);
  expect(await db.auditLog.count({ where: { action: "monitoring.evaluated" } })).toBe(evaluated);
  // The next day the rules run again; December's statements wait for January.
  await runCalendarJobs(db, new Date("2031-12-02T01:00:00.000Z"));
  expect(await db.auditLog.count({ where: { action: "monitoring.evaluated" } })).toBe(evaluated + 1);
  expect(await db.auditLog.count({ where: { action: "settlement.generated" } })).toBe(generated);
});
