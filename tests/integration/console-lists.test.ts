// Issue 13, point 5: the console's lists sort and page in the database. Each list's page 2 (for a few sorts, both
// directions) must equal the same rows cut by an independent SQL ORDER BY … OFFSET … LIMIT over the same data —
// with more rows than a page, ties in the sorted column, and NULLs where the column allows them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { LATE_LIST, listLateShipments } from "@/lib/server/fulfilment/late";
import { listFulfilmentQueue, QUEUE_PAGE_SIZE } from "@/lib/server/fulfilment/queue";
import { listLowStock, listLowStockPage, LOW_STOCK_LIST } from "@/lib/server/listings/stock";
import { FLAG_LIST, listFlags } from "@/lib/server/monitoring/list";
import { AUDIT_LIST, listAuditLog, parseAuditQuery } from "@/lib/server/people/audit-log";
import { COOPERATIVE_LIST, cooperativesAdminPage } from "@/lib/server/people/queries";
import { listUsers, parseUserListQuery, USER_LIST } from "@/lib/server/people/users";
import { CERTIFIED_LIST, listCertifiedPage, listReviewQueuePage, REVIEW_LIST } from "@/lib/server/queries/certifications";
import { COOP_PRODUCT_LIST, listCoopProductsPage, parseCoopProductQuery } from "@/lib/server/queries/coop-products";
import { listRefundRequests, listRefundRequestsPage, listTransfersAwaitingConfirmation, listTransfersAwaitingPage, REFUND_LIST, TRANSFER_LIST } from "@/lib/server/queries/orders";
import { ROSTER_LIST, rosterOf, rosterPage } from "@/lib/server/roster/list";
import { listMonthSettlementsPage, SETTLEMENT_LIST } from "@/lib/server/settlements/queries";
import { parseMonth } from "@/lib/domain/reports";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: Db;
let grape: { id: string; villageId: string; categoryId: string };
const N = 47; // more than two pages of every list (page sizes 20–25), fewer than three of 20
const T0 = Date.parse("2026-06-01T00:00:00Z");
const NOW = new Date("2026-07-01T00:00:00Z");
const at = (i: number) => new Date(T0 + (i % 7) * 86_400_000 + i * 1000); // ties on the day, never on the second

/** The ids of rows `offset`…`offset + limit` of an independent SQL query (the expected page). */
async function sqlPage(sql: string, offset: number, limit: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`${sql} OFFSET ${offset} LIMIT ${limit}`);
  expect(rows.length, "the expected page has rows: the comparison is not of two empty lists").toBeGreaterThan(0);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestDatabase("shop_console_lists");
  db = t.db;
  await seedDatabase(db);
  const coop = await db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG }, select: { id: true, villageId: true, products: { take: 1, select: { categoryId: true } } } });
  grape = { id: coop.id, villageId: coop.villageId, categoryId: coop.products[0]!.categoryId };
  const idx = Array.from({ length: N }, (_, i) => i);
  await db.user.createMany({
    data: idx.map((i) => ({ email: `list-${String((i * 7) % N).padStart(2, "0")}@example.test`, createdAt: at(i), lastSignInAt: i % 3 === 0 ? null : at(N - i) })),
  });
  const users = await db.user.findMany({ where: { email: { endsWith: "@example.test" } }, select: { id: true } });
  await db.auditLog.createMany({
    data: idx.flatMap((i) => [0, 1].map((k) => ({ action: `list.${["b", "a", "c"][(i + k) % 3]}`, entityType: "Test", actorId: k === 0 ? users[i % users.length]!.id : null, createdAt: at(i * 2 + k) }))),
  });
  await db.cooperative.createMany({
    data: idx.map((i) => ({ slug: `list-coop-${i}`, villageId: grape.villageId, nameZh: `测试社${String.fromCharCode(0x4e00 + ((i * 11) % N))}`, nameEn: `List coop ${i}`, status: (["PENDING", "CERTIFIED", "SUSPENDED"] as const)[i % 3]!, createdAt: at(i) })),
  });
  await db.product.createMany({
    data: idx.map((i) => ({
      slug: `list-product-${i}`,
      cooperativeId: grape.id,
      categoryId: grape.categoryId,
      originVillageId: grape.villageId,
      nameZh: `测试品${String.fromCharCode(0x4e00 + ((i * 13) % N))}`,
      nameEn: `List product ${i}`,
      priceFen: 1000 + (i % 5) * 100,
      stock: (i * 3) % 10,
      listingStatus: i % 2 === 0 ? "IN_REVIEW" : "ON_SALE",
      certificationStatus: i % 2 === 0 ? "PENDING" : "CERTIFIED",
      submittedAt: i % 4 === 0 ? null : at(i),
      certifiedAt: i % 2 === 1 ? at(i) : null,
      certificateValidUntil: i % 2 === 1 ? new Date(Date.UTC(2027, i % 6, 1)) : null,
      benefitRuleType: "PERCENT_OF_REVENUE",
      benefitBasisPoints: 1000,
    })),
  });
  const coops = await db.cooperative.findMany({ where: { slug: { startsWith: "list-coop-" } }, select: { id: true }, orderBy: { slug: "asc" } });
  await db.settlement.createMany({
    data: coops.map((c, i) => ({ cooperativeId: c.id, periodStart: new Date("2026-05-01T00:00:00Z"), periodEnd: new Date("2026-05-31T00:00:00Z"), amountFen: (i % 6) * 1000, status: (["OPEN", "CONFIRMED", "PAID"] as const)[i % 3]! })),
  });
  await db.household.createMany({ data: idx.map((i) => ({ code: `LIST-${String((i * 5) % N).padStart(3, "0")}`, villageId: grape.villageId, memberCount: 1 + (i % 6) })) });
  const households = await db.household.findMany({ where: { code: { startsWith: "LIST-" } }, select: { id: true } });
  await db.monitoringFlag.createMany({
    data: households.map((h, i) => ({ householdId: h.id, rule: (["NO_INCOME_3M", "QUARTER_DROP", "BELOW_LINE"] as const)[i % 3]!, periodKey: "2026Q2", details: {}, status: (["OPEN", "KEPT", "RESOLVED"] as const)[i % 3]!, createdAt: at(i) })),
  });
  const buyer = await db.user.create({ data: { email: "list-buyer@example.test" }, select: { id: true } });
  await db.order.createMany({
    data: idx.map((i) => ({
      id: `listorder${i}`,
      number: `TXLIST${String((i * 17) % N).padStart(4, "0")}`,
      buyerId: buyer.id,
      status: "PAID" as const,
      paymentMethod: "BANK_TRANSFER" as const,
      itemsFen: 1000,
      shippingFen: 0,
      totalFen: 1000,
      recipient: "张三",
      phone: "13800000000",
      district: "chaoyang",
      street: "朝阳路 1 号",
      placedAt: at(N - i),
      paidAt: at(i),
    })),
  });
  await db.shipment.createMany({ data: idx.map((i) => ({ id: `listship${i}`, orderId: `listorder${i}`, cooperativeId: grape.id, shippingFen: 0, status: (["PENDING", "PACKED", "SHIPPED"] as const)[i % 3]! })) });
  await db.refund.createMany({ data: idx.map((i) => ({ orderId: `listorder${i}`, amountFen: 100 + (i % 5) * 100, items: [], createdAt: at(i) })) });
  await db.order.createMany({
    data: idx.map((i) => ({
      id: `listtransfer${i}`,
      number: `TXTRF${String((i * 19) % N).padStart(4, "0")}`,
      buyerId: buyer.id,
      status: "PENDING_PAYMENT" as const,
      paymentMethod: "BANK_TRANSFER" as const,
      itemsFen: 1000 + (i % 4) * 500,
      shippingFen: 0,
      totalFen: 1000 + (i % 4) * 500,
      recipient: "张三",
      phone: "13800000000",
      district: "chaoyang",
      street: "朝阳路 1 号",
      placedAt: at(i),
      // A third ran out (not listed), a third has no deadline, a third is still reserved.
      reservedUntil: i % 3 === 0 ? new Date(NOW.getTime() - 60_000) : i % 3 === 1 ? null : new Date(NOW.getTime() + 3_600_000),
    })),
  });
  await db.householdParticipation.createMany({
    data: households.map((h, i) => ({ householdId: h.id, cooperativeId: grape.id, benefitType: "WAGES" as const, weight: 1 + (i % 4), active: i % 5 !== 0, since: at(i) })),
  });
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

describe("page 2 equals rows of an independent SQL ORDER BY", () => {
  test.each([
    ["created", "desc", `ORDER BY "createdAt" DESC, id ASC`],
    ["lastSignIn", "asc", `ORDER BY "lastSignInAt" ASC NULLS LAST, id ASC`],
    ["email", "desc", `ORDER BY email DESC, id ASC`],
  ] as const)("users by %s %s", async (sort, dir, order) => {
    const got = await listUsers(db, parseUserListQuery({ sort, dir, page: "2" }));
    expect(got.total).toBe(await db.user.count());
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(`SELECT id FROM "User" ${order}`, USER_LIST.pageSize, USER_LIST.pageSize));
  });

  test.each([
    ["action", "asc", `ORDER BY l.action ASC, l."createdAt" DESC, l.id DESC`],
    ["actor", "desc", `ORDER BY u.email DESC NULLS FIRST, l."createdAt" DESC, l.id DESC`],
    ["created", "asc", `ORDER BY l."createdAt" ASC, l.id ASC`],
  ] as const)("audit log (filtered to list.*) by %s %s", async (sort, dir, order) => {
    const got = await listAuditLog(db, parseAuditQuery({ what: "list.", sort, dir, page: "2" }));
    expect(got.total).toBe(N * 2);
    const sql = `SELECT l.id FROM "AuditLog" l LEFT JOIN "User" u ON u.id = l."actorId" WHERE l.action LIKE 'list.%' ${order}`;
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, AUDIT_LIST.pageSize, AUDIT_LIST.pageSize));
  });

  test.each([
    ["name", "desc", `ORDER BY "nameZh" DESC, slug ASC`],
    ["status", "asc", `ORDER BY status ASC, "createdAt" DESC, slug ASC`],
    ["created", "asc", `ORDER BY "createdAt" ASC, slug ASC`],
  ] as const)("cooperatives by %s %s", async (sort, dir, order) => {
    const got = await cooperativesAdminPage(db, { sort, dir, page: 2 });
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(`SELECT id FROM "Cooperative" ${order}`, COOPERATIVE_LIST.pageSize, COOPERATIVE_LIST.pageSize));
  });

  test.each([
    [{ sort: "price", dir: "asc", page: "2" }, "", `ORDER BY "priceFen" ASC, "nameZh" ASC, id ASC`],
    [{ sort: "stock", dir: "desc", page: "2" }, "", `ORDER BY stock DESC, "nameZh" ASC, id ASC`],
    // 24 in review: one page of 25, so the filter is checked on page 1.
    [{ sort: "name", dir: "desc", state: "IN_REVIEW", page: "1" }, `AND "listingStatus" = 'IN_REVIEW'`, `ORDER BY "nameZh" DESC, id ASC`],
  ] as const)("coop products %j", async (params, and, order) => {
    const query = parseCoopProductQuery(params);
    const got = await listCoopProductsPage(db, { cooperativeIds: [grape.id] }, query);
    expect(got.total).toBe(await db.product.count({ where: { cooperativeId: grape.id, ...(query.state ? { listingStatus: query.state } : {}) } }));
    const sql = `SELECT id FROM "Product" WHERE "cooperativeId" = '${grape.id}' ${and} ${order}`;
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, (query.page - 1) * COOP_PRODUCT_LIST.pageSize, COOP_PRODUCT_LIST.pageSize));
  });

  test.each([
    ["amount", "desc", `ORDER BY s."amountFen" DESC, c.slug ASC, s.id ASC`],
    ["name", "asc", `ORDER BY c."nameZh" ASC, c.slug ASC, s.id ASC`],
    ["status", "desc", `ORDER BY s.status DESC, c.slug ASC, s.id ASC`],
  ] as const)("settlements by %s %s", async (sort, dir, order) => {
    const got = await listMonthSettlementsPage(db, parseMonth("2026-05")!, { sort, dir, page: 2 });
    expect(got.total).toBe(N);
    const sql = `SELECT s.id FROM "Settlement" s JOIN "Cooperative" c ON c.id = s."cooperativeId" WHERE s."periodStart" = '2026-05-01' ${order}`;
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, SETTLEMENT_LIST.pageSize, SETTLEMENT_LIST.pageSize));
  });

  test.each([
    ["household", "desc", `ORDER BY h.code DESC, f."createdAt" DESC, f.id ASC`],
    ["status", "asc", `ORDER BY f.status ASC, f."createdAt" DESC, f.id ASC`],
    ["rule", "asc", `ORDER BY f.rule ASC, f."createdAt" DESC, f.id ASC`],
  ] as const)("monitoring flags by %s %s", async (sort, dir, order) => {
    const got = await listFlags(db, { scope: { kind: "all" }, now: NOW, list: { sort, dir, page: 2 } });
    expect(got.total).toBe(await db.monitoringFlag.count());
    expect(got.truncated).toBe(false);
    const sql = `SELECT f.id FROM "MonitoringFlag" f JOIN "Household" h ON h.id = f."householdId" ${order}`;
    expect(got.flags.map((f) => f.id)).toEqual(await sqlPage(sql, FLAG_LIST.pageSize, FLAG_LIST.pageSize));
  });

  test.each([
    ["paid", "asc", `ORDER BY o."paidAt" ASC, s.id ASC`],
    ["number", "desc", `ORDER BY o.number DESC, s.id DESC`],
    ["status", "asc", `ORDER BY s.status ASC, o."paidAt" DESC, s.id DESC`],
  ] as const)("fulfilment queue by %s %s", async (sort, dir, order) => {
    const got = await listFulfilmentQueue(db, { cooperativeIds: [grape.id], cooperativeId: grape.id }, { sort, dir, page: 2 });
    const sql = `SELECT s.id FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" WHERE s."cooperativeId" = '${grape.id}' AND o."paidAt" IS NOT NULL ${order}`;
    expect(got?.total).toBe((await db.$queryRawUnsafe<unknown[]>(sql)).length);
    expect(got?.shipments.map((s) => s.id)).toEqual(await sqlPage(sql, QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE));
  });

  test.each([
    ["submitted", "desc", `ORDER BY p."submittedAt" DESC NULLS LAST, p."createdAt" DESC, p.id DESC`],
    ["name", "asc", `ORDER BY p."nameZh" ASC, p."submittedAt" ASC NULLS LAST, p."createdAt" ASC, p.id ASC`],
    ["cooperative", "desc", `ORDER BY c."nameZh" DESC, p."submittedAt" ASC NULLS LAST, p."createdAt" ASC, p.id ASC`],
  ] as const)("review queue by %s %s", async (sort, dir, order) => {
    const got = await listReviewQueuePage(db, { sort, dir, page: 2 });
    const sql = `SELECT p.id FROM "Product" p JOIN "Cooperative" c ON c.id = p."cooperativeId" WHERE p."listingStatus" = 'IN_REVIEW' ${order}`;
    expect(got.total).toBe((await db.$queryRawUnsafe<unknown[]>(sql)).length);
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, REVIEW_LIST.pageSize, REVIEW_LIST.pageSize));
  });

  test.each([
    ["expires", "desc", `ORDER BY "certificateValidUntil" DESC NULLS LAST, id ASC`],
    ["certified", "asc", `ORDER BY "certifiedAt" ASC NULLS LAST, id ASC`],
  ] as const)("certified products by %s %s", async (sort, dir, order) => {
    const got = await listCertifiedPage(db, NOW, { sort, dir, page: 2 });
    const sql = `SELECT id FROM "Product" WHERE "certificationStatus" = 'CERTIFIED' AND "listingStatus" IN ('ON_SALE', 'OFF_SALE') ${order}`;
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, CERTIFIED_LIST.pageSize, CERTIFIED_LIST.pageSize));
  });
});

describe("page 2 equals rows of an independent SQL ORDER BY (queues outside the console's own modules)", () => {
  test.each([
    ["paid", "desc", `ORDER BY o."paidAt" DESC, s.id DESC`],
    ["number", "asc", `ORDER BY o.number ASC, s.id ASC`],
    ["cooperative", "asc", `ORDER BY c."nameZh" ASC, o."paidAt" ASC, s.id ASC`],
  ] as const)("late shipments by %s %s", async (sort, dir, order) => {
    const got = await listLateShipments(db, { now: NOW, list: { sort, dir, page: 2 } });
    const sql = `SELECT s.id FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" JOIN "Cooperative" c ON c.id = s."cooperativeId"
      WHERE s.status IN ('PENDING', 'PACKED') AND o.status IN ('PAID', 'PARTIALLY_SHIPPED') AND o."paidAt" < '${new Date(NOW.getTime() - 48 * 3_600_000).toISOString()}' ${order}`;
    expect(got.total).toBe((await db.$queryRawUnsafe<unknown[]>(sql)).length);
    expect(got.shipments.map((r) => r.id)).toEqual(await sqlPage(sql, LATE_LIST.pageSize, LATE_LIST.pageSize));
  });

  test.each([
    ["placed", "asc", `ORDER BY "placedAt" ASC, id ASC`],
    ["amount", "desc", `ORDER BY "totalFen" DESC, "placedAt" ASC, id ASC`],
    ["number", "desc", `ORDER BY number DESC, "placedAt" ASC, id ASC`],
  ] as const)("transfers awaiting confirmation by %s %s (a run-out reservation is not listed)", async (sort, dir, order) => {
    const got = await listTransfersAwaitingPage(db, { sort, dir, page: 2 }, NOW);
    const sql = `SELECT id FROM "Order" WHERE "paymentMethod" = 'BANK_TRANSFER' AND status = 'PENDING_PAYMENT' AND ("reservedUntil" IS NULL OR "reservedUntil" >= '${NOW.toISOString()}') ${order}`;
    expect(got.total).toBe((await listTransfersAwaitingConfirmation(db, { now: NOW })).length);
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, TRANSFER_LIST.pageSize, TRANSFER_LIST.pageSize));
  });

  test.each([
    ["requested", "asc", `ORDER BY r."createdAt" ASC, r.id ASC`],
    ["amount", "desc", `ORDER BY r."amountFen" DESC, r."createdAt" ASC, r.id ASC`],
    ["number", "asc", `ORDER BY o.number ASC, r."createdAt" ASC, r.id ASC`],
  ] as const)("refund requests by %s %s", async (sort, dir, order) => {
    const got = await listRefundRequestsPage(db, { sort, dir, page: 2 });
    const sql = `SELECT r.id FROM "Refund" r JOIN "Order" o ON o.id = r."orderId" WHERE r.status = 'REQUESTED' ${order}`;
    expect(got.total).toBe((await listRefundRequests(db)).length);
    expect(got.rows.map((r) => r.id)).toEqual(await sqlPage(sql, REFUND_LIST.pageSize, REFUND_LIST.pageSize));
  });

  test.each([
    ["stock", "desc", `ORDER BY stock DESC, "nameZh" ASC, id ASC`],
    ["threshold", "asc", `ORDER BY "lowStockThreshold" ASC, "nameZh" ASC, id ASC`],
    ["name", "asc", `ORDER BY "nameZh" ASC, id ASC`],
  ] as const)("low stock by %s %s", async (sort, dir, order) => {
    const got = await listLowStockPage(db, { cooperativeIds: [grape.id], cooperativeId: grape.id }, { sort, dir, page: 2 });
    const sql = `SELECT id FROM "Product" WHERE "cooperativeId" = '${grape.id}' AND "listingStatus" <> 'ARCHIVED' AND stock <= "lowStockThreshold" ${order}`;
    expect(got?.total).toBe((await listLowStock(db, { cooperativeIds: [grape.id], cooperativeId: grape.id })).length);
    expect(got?.rows.map((r) => r.id)).toEqual(await sqlPage(sql, LOW_STOCK_LIST.pageSize, LOW_STOCK_LIST.pageSize));
    expect(await listLowStockPage(db, { cooperativeIds: [], cooperativeId: grape.id }, { sort, dir, page: 1 })).toBeNull();
  });

  // The roster's pages hold 100 rows: page 1 of the test's ~50 participations checks the order.
  test.each([
    ["code", "desc", `ORDER BY p.active DESC, h.code DESC, p."benefitType" ASC, p.id ASC`],
    ["members", "asc", `ORDER BY h."memberCount" ASC, h.code ASC, p."benefitType" ASC, p.id ASC`],
    ["since", "desc", `ORDER BY p.since DESC, h.code ASC, p."benefitType" ASC, p.id ASC`],
  ] as const)("roster by %s %s", async (sort, dir, order) => {
    const got = await rosterPage(db, grape.id, { sort, dir, page: 1 });
    const sql = `SELECT p.id FROM "HouseholdParticipation" p JOIN "Household" h ON h.id = p."householdId" WHERE p."cooperativeId" = '${grape.id}' ${order}`;
    expect(got.total).toBe((await rosterOf(db, grape.id)).length);
    expect(got.rows.map((r) => r.participationId)).toEqual(await sqlPage(sql, 0, ROSTER_LIST.pageSize));
  });
});

describe("odd pages", () => {
  test("a page past the end is empty but keeps the total (the page shows its empty state, not an error)", async () => {
    const got = await listUsers(db, parseUserListQuery({ page: "999" }));
    expect(got.rows).toEqual([]);
    expect(got.total).toBeGreaterThan(N);
  });

  test("the first and last pages together with the middle cover every row exactly once", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => cooperativesAdminPage(db, { sort: "status", dir: "desc", page })));
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(pages[0]!.total);
  });
});
