// The cooperative area's reads are scoped to the caller's cooperatives (lib/server/queries/coop-scope.ts): called
// with manager B's cooperative ids, every getter answers nothing for cooperative A's rows, even when it is handed
// A's ids directly, as a page or action that forgot its guard would. Each case also runs with manager A's own
// ids, so "nothing" is the scope at work and not an empty database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lastMonths, parseMonth } from "@/lib/domain/reports";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { getCoopProductTerms, listCoopProducts } from "@/lib/server/queries/coop-products";
import { householdIncomeByMonth, settlementStatement } from "@/lib/server/queries/reports";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
/** What the session would carry for each seeded manager (SessionUser.cooperativeIds), and A's rows. */
let managerA: { cooperativeIds: string[] };
let managerB: { cooperativeIds: string[] };
let coopA: string;
let productA: string;

const month = parseMonth(lastMonths(new Date(), 1)[0])!;

async function managedBy(email: string): Promise<{ cooperativeIds: string[] }> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { cooperatives: { select: { cooperativeId: true } } } });
  return { cooperativeIds: user.cooperatives.map((c) => c.cooperativeId) };
}

beforeAll(async () => {
  t = await createTestDatabase("shop_coop_scope");
  await seedDatabase(t.db);
  managerA = await managedBy("manager@demo.tangxian.shop");
  managerB = await managedBy("manager2@demo.tangxian.shop");
  const coop = (slug: string) => t.db.cooperative.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  coopA = (await coop(GRAPE_COOPERATIVE_SLUG)).id;
  const coopB = (await coop(CANNING_COOPERATIVE_SLUG)).id;
  productA = (await t.db.product.findFirstOrThrow({ where: { cooperativeId: coopA }, select: { id: true } })).id;
  // The premise: A and B are different managers of different cooperatives.
  expect(managerA.cooperativeIds).toContain(coopA);
  expect(managerB.cooperativeIds).toContain(coopB);
  expect(managerB.cooperativeIds).not.toContain(coopA);
});

afterAll(async () => {
  await t?.drop();
});

describe("reads of cooperative A with manager B's cooperative ids", () => {
  test("listCoopProducts: none of A's products", async () => {
    const own = await listCoopProducts(t.db, managerA);
    expect(own.map((p) => p.id)).toContain(productA);
    const other = await listCoopProducts(t.db, managerB);
    expect(other.length).toBeGreaterThan(0);
    expect(other.map((p) => p.id)).not.toContain(productA);
    expect(other.every((p) => managerB.cooperativeIds.includes(p.cooperative.id))).toBe(true);
  });

  test("getCoopProductTerms: A's product is not found", async () => {
    const own = await getCoopProductTerms(t.db, { ...managerA, productId: productA });
    expect(own?.product.id).toBe(productA);
    expect(own?.households.length).toBeGreaterThan(0);
    expect(await getCoopProductTerms(t.db, { ...managerB, productId: productA })).toBeNull();
  });

  test("listManagedCooperatives: only B's", async () => {
    expect((await listManagedCooperatives(t.db, managerA)).map((c) => c.id)).toContain(coopA);
    const other = await listManagedCooperatives(t.db, managerB);
    expect(other.map((c) => c.id).sort()).toEqual([...managerB.cooperativeIds].sort());
  });

  test("householdIncomeByMonth: nothing for A's households, even when asked for A by id", async () => {
    const own = await householdIncomeByMonth(t.db, { ...managerA, cooperativeId: coopA, count: 6 });
    expect(own?.rows.length).toBeGreaterThan(0);
    expect(await householdIncomeByMonth(t.db, { ...managerB, cooperativeId: coopA, count: 6 })).toBeNull();
  });

  test("settlementStatement: no statement of A's, even when asked for A by id", async () => {
    const own = await settlementStatement(t.db, { ...managerA, cooperativeId: coopA, month });
    expect(own?.cooperative.id).toBe(coopA);
    expect(await settlementStatement(t.db, { ...managerB, cooperativeId: coopA, month })).toBeNull();
  });

  test("a caller with no cooperatives reads nothing at all", async () => {
    const none = { cooperativeIds: [] };
    expect(await listCoopProducts(t.db, none)).toEqual([]);
    expect(await getCoopProductTerms(t.db, { ...none, productId: productA })).toBeNull();
    expect(await listManagedCooperatives(t.db, none)).toEqual([]);
    expect(await householdIncomeByMonth(t.db, { ...none, cooperativeId: coopA, count: 6 })).toBeNull();
    expect(await settlementStatement(t.db, { ...none, cooperativeId: coopA, month })).toBeNull();
  });
});
