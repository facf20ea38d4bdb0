// The managers' daily digest on a real database with the demo data (issue 12, point 4): from 08:00 Beijing time,
// one mail per manager per cooperative per day listing the paid shipments waiting to be packed, in the
// manager's language; none when nothing waits, none before 08:00, one whatever the number of ticks or processes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/server/env";
import { DIGEST_MAX_SHIPMENTS, sendDailyDigests } from "@/lib/server/mail/digest";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { seedDatabase } from "@/lib/seed";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG } from "@/lib/seed/cooperatives";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let wine: string;
let peaches: string;
let grape: string;
let canning: string;

beforeAll(async () => {
  t = await createTestDatabase("shop_digest");
  db = t.db;
  await seedDatabase(db);
  wine = await productIdOf(db, "nanhongcheng-sweet-red");
  peaches = await productIdOf(db, "hongnancheng-hawthorn-canned");
  await db.product.updateMany({ where: { id: { in: [wine, peaches] } }, data: { stock: 10_000 } });
  grape = (await db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG } })).id;
  canning = (await db.cooperative.findUniqueOrThrow({ where: { slug: CANNING_COOPERATIVE_SLUG } })).id;
});

afterAll(async () => {
  await t?.drop();
});

/** A Beijing wall-clock time. */
const beijing = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const digests = () => db.mailMessage.findMany({ where: { kind: "coop-digest" }, orderBy: [{ to: "asc" }, { createdAt: "asc" }] });

async function paidOrder(lines: [string, number][]): Promise<PlacedTestOrder> {
  const order = await placeTestOrder(db, "BANK_TRANSFER", lines, "digest");
  expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, method: "BANK_TRANSFER", amountFen: order.totalFen }))).toBe("paid");
  return order;
}

describe("sendDailyDigests", () => {
  test("nothing waiting: no mail", async () => {
    // An unpaid order's shipments are not waiting to be packed.
    await placeTestOrder(db, "BANK_TRANSFER", [[wine, 1]], "digest-unpaid");
    expect(await sendDailyDigests(db, { now: beijing("2026-12-01T09:00:00") })).toBe(0);
    expect(await digests()).toHaveLength(0);
  });

  test("one digest per manager per cooperative per day, from 08:00, whatever the number of ticks", async () => {
    const both = await paidOrder([
      [wine, 1],
      [peaches, 2],
    ]);
    const grapeOnly = await paidOrder([[wine, 3]]);
    // A packed shipment no longer waits.
    const packed = await paidOrder([[wine, 1]]);
    await db.shipment.updateMany({ where: { orderId: packed.orderId }, data: { status: "PACKED", packedAt: new Date() } });

    expect(await sendDailyDigests(db, { now: beijing("2026-12-02T07:59:59") })).toBe(0);
    // Several ticks and processes at once, then later the same day.
    const written = await Promise.all([0, 1, 2].map(() => sendDailyDigests(db, { now: beijing("2026-12-02T08:00:00") })));
    expect(written.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await sendDailyDigests(db, { now: beijing("2026-12-02T23:59:00") })).toBe(0);

    const mails = await digests();
    expect(mails.map((m) => m.to)).toEqual(["manager2@demo.tangxian.shop", "manager@demo.tangxian.shop"]);
    const [canningMail, grapeMail] = mails;
    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" } });
    expect(grapeMail!.dedupeKey).toBe(`coop-digest:${grape}:${manager.id}:2026-12-02`);
    expect(grapeMail!.subject).toContain("2 个包裹待打包");
    expect(grapeMail!.text).toContain(both.number);
    expect(grapeMail!.text).toContain(grapeOnly.number);
    expect(grapeMail!.text).not.toContain(packed.number);
    expect(grapeMail!.text).toContain("南洪城甜红葡萄酒 × 3");
    expect(grapeMail!.text).toContain(`${env.SITE_URL}/coop/orders`);
    // Oldest payment first.
    expect(grapeMail!.text.indexOf(both.number)).toBeLessThan(grapeMail!.text.indexOf(grapeOnly.number));
    // The canning cooperative's manager sees only the canning lines.
    expect(canningMail!.text).toContain(both.number);
    expect(canningMail!.text).not.toContain(grapeOnly.number);
    expect(canningMail!.text).not.toContain("葡萄酒");
    // No buyer's address in a digest.
    for (const m of mails) expect(m.text).not.toContain("朝阳门外大街");

    // The next Beijing day: again, once.
    expect(await sendDailyDigests(db, { now: beijing("2026-12-03T07:00:00") })).toBe(0);
    expect(await sendDailyDigests(db, { now: beijing("2026-12-03T08:30:00") })).toBe(2);
    expect(await digests()).toHaveLength(4);
  });

  test("every manager of the cooperative, each in their language; a disabled manager gets none; a manager's opt-out does not apply", async () => {
    const day = "2026-12-04";
    const en = await db.user.create({ data: { email: "grape-en@example.test", role: "MANAGER", locale: "en", mailOptOut: true } });
    const gone = await db.user.create({ data: { email: "grape-gone@example.test", role: "MANAGER", disabledAt: new Date() } });
    await db.cooperativeManager.createMany({ data: [{ userId: en.id, cooperativeId: grape }, { userId: gone.id, cooperativeId: grape }] });
    expect(await sendDailyDigests(db, { now: beijing(`${day}T10:00:00`) })).toBe(3);
    const mail = await db.mailMessage.findFirstOrThrow({ where: { kind: "coop-digest", to: "grape-en@example.test" } });
    expect(mail.subject).toMatch(/^Tang County Market: \d+ parcels to pack at /);
    expect(mail.text).toContain("Nanhongcheng Sweet Red × 3");
    expect(mail.text).toContain("(Beijing time)");
    expect(await db.mailMessage.count({ where: { to: "grape-gone@example.test" } })).toBe(0);
  });

  test(`a long queue lists the oldest ${DIGEST_MAX_SHIPMENTS} and counts the rest`, async () => {
    for (let i = 0; i < DIGEST_MAX_SHIPMENTS; i++) await paidOrder([[peaches, 1]]);
    expect(await sendDailyDigests(db, { now: beijing("2026-12-05T08:00:00") })).toBeGreaterThan(0);
    const mail = await db.mailMessage.findFirstOrThrow({ where: { kind: "coop-digest", to: "manager2@demo.tangxian.shop", dedupeKey: { endsWith: ":2026-12-05" } } });
    const waiting = await db.shipment.count({ where: { cooperativeId: canning, status: "PENDING", order: { status: "PAID" } } });
    expect(waiting).toBeGreaterThan(DIGEST_MAX_SHIPMENTS);
    expect(mail.subject).toContain(`${waiting} 个包裹待打包`);
    expect(mail.text.match(/订单 TX/g)).toHaveLength(DIGEST_MAX_SHIPMENTS);
    expect(mail.text).toContain(`另有 ${waiting - DIGEST_MAX_SHIPMENTS} 个包裹`);
  });
});
