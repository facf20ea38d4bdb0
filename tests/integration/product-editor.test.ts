// The manager's product editor and listing workflow (lib/server/listings/products.ts) on real PostgreSQL with
// the demo data: create → update → submit → withdraw → submit; refusals write nothing (another cooperative's
// ids, unknown category or village, editing in review); delete a draft with everything hanging off it; a product
// with order lines is archived, never deleted; order lines keep the price and rule they were sold under.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import {
  cooperativeVillageIds,
  createProduct,
  deleteProduct,
  moveListingAsManager,
  updateProduct,
  type ProductActor,
} from "@/lib/server/listings/products";
import { coopProductSummary, getCoopProductEditor } from "@/lib/server/queries/coop-products";
import { productEditorSchema, type ProductEditorInput } from "@/lib/validation/product";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";

let t: TestDatabase;
let managerA: ProductActor;
let managerB: ProductActor;
let coopA: string;
let coopB: string;
let wine: string;
let homeVillage: string;
let foreignVillage: string;
let productOfB: string;

async function actorOf(email: string): Promise<ProductActor> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: user.id, cooperativeIds: user.cooperatives.map((c) => c.cooperativeId) };
}

/** The editor's form as a manager would send it, parsed by the same schema the action uses. */
function form(overrides: Record<string, string> = {}): ProductEditorInput {
  return productEditorSchema.parse({
    cooperativeId: coopA,
    nameZh: "南洪城桃红起泡酒",
    nameEn: "Nanhongcheng Sparkling Rosé",
    descriptionZh: "园区葡萄酿造。",
    descriptionEn: "From the park's grapes.",
    unitZh: "瓶",
    unitEn: "bottle",
    specZh: "750ml×1瓶",
    specEn: "750 ml × 1 bottle",
    categoryId: wine,
    originVillageId: homeVillage,
    price: "88.00",
    ...overrides,
  });
}

/** Everything a refused change could have written. */
async function footprint() {
  const [products, audits, updatedAt] = await Promise.all([
    t.db.product.count(),
    t.db.auditLog.count({ where: { entityType: "Product" } }),
    t.db.product.aggregate({ _max: { updatedAt: true } }),
  ]);
  return { products, audits, lastUpdate: updatedAt._max.updatedAt?.toISOString() };
}

async function auditsOf(productId: string) {
  return t.db.auditLog.findMany({ where: { entityType: "Product", entityId: productId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, metadata: true } });
}

/** A benefit rule and one household, as the benefit-rule form (save-product-terms) would save them. */
async function giveBenefitRule(productId: string, basisPoints = 1500) {
  const participation = await t.db.householdParticipation.findFirstOrThrow({ where: { cooperativeId: coopA, active: true }, select: { householdId: true } });
  await t.db.product.update({ where: { id: productId }, data: { benefitRuleType: "PERCENT_OF_REVENUE", benefitBasisPoints: basisPoints, benefitFenPerUnit: null } });
  await t.db.productBeneficiary.deleteMany({ where: { productId } });
  await t.db.productBeneficiary.create({ data: { productId, householdId: participation.householdId, weight: 10 } });
}

beforeAll(async () => {
  t = await createTestDatabase("shop_product_editor");
  await seedDatabase(t.db);
  managerA = await actorOf("manager@demo.tangxian.shop");
  managerB = await actorOf("manager2@demo.tangxian.shop");
  coopA = (await t.db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG } })).id;
  coopB = (await t.db.cooperative.findUniqueOrThrow({ where: { slug: CANNING_COOPERATIVE_SLUG } })).id;
  wine = (await t.db.category.findUniqueOrThrow({ where: { slug: "wine" } })).id;
  homeVillage = (await t.db.village.findUniqueOrThrow({ where: { slug: "nanhongcheng" } })).id;
  const allowed = await cooperativeVillageIds(t.db, coopA);
  foreignVillage = (await t.db.village.findFirstOrThrow({ where: { id: { notIn: allowed } } })).id;
  productOfB = (await t.db.product.findFirstOrThrow({ where: { cooperativeId: coopB } })).id;
  expect(managerA.cooperativeIds).toEqual([coopA]);
  expect(managerB.cooperativeIds).not.toContain(coopA);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("origin villages", () => {
  test("the cooperative's own village and its households' villages, nothing else", async () => {
    const ids = await cooperativeVillageIds(t.db, coopA);
    expect(ids).toContain(homeVillage);
    const householdVillages = await t.db.household.findMany({ where: { participations: { some: { cooperativeId: coopA } } }, distinct: ["villageId"], select: { villageId: true } });
    expect(new Set(ids)).toEqual(new Set([homeVillage, ...householdVillages.map((h) => h.villageId)]));
    expect(ids.length).toBeGreaterThan(1); // the merlot's households live in three villages
    expect(ids).not.toContain(foreignVillage);
  });
});

describe("create → update → submit → withdraw → submit", () => {
  let id: string;

  test("a new product is a draft of the manager's cooperative, with a slug from its English name", async () => {
    const created = await createProduct(t.db, managerA, form({ featured: "on" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    id = created.productId;
    const row = await t.db.product.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ cooperativeId: coopA, listingStatus: "DRAFT", certificationStatus: "PENDING", featured: false, priceFen: 8800, stock: 0, nameZh: "南洪城桃红起泡酒" });
    expect(row.slug).toMatch(/^nanhongcheng-sparkling-rose-[a-z2-9]{6}$/);
    expect(await auditsOf(id)).toEqual([expect.objectContaining({ action: "product.created", actorId: managerA.id })]);
    // The same name again gets another slug.
    const twin = await createProduct(t.db, managerA, form());
    expect(twin.ok && twin.slug).not.toBe(row.slug);
  });

  test("update changes the details and audits what changed", async () => {
    const updated = await updateProduct(t.db, managerA, { ...form({ price: "¥96.50", nameZh: "南洪城桃红起泡葡萄酒", productId: id }), productId: id });
    expect(updated.ok).toBe(true);
    const row = await t.db.product.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ priceFen: 9650, nameZh: "南洪城桃红起泡葡萄酒", listingStatus: "DRAFT" });
    const audit = (await auditsOf(id)).at(-1)!;
    expect(audit.action).toBe("product.updated");
    expect(audit.metadata).toEqual({ changed: { priceFen: { from: 8800, to: 9650 }, nameZh: { from: "南洪城桃红起泡酒", to: "南洪城桃红起泡葡萄酒" } } });
  });

  // An order being placed holds KEY SHARE on its products' rows (its lines' foreign keys) until it commits. The edit
  // takes the lock its UPDATE takes (FOR NO KEY UPDATE), which does not wait for that: with FOR UPDATE it queued
  // behind the order while the order's stock statement could queue behind it, a deadlock.
  test.skipIf(!process.env.TEST_DATABASE_URL)("an edit does not wait for an order holding the product row's key share", async () => {
    const created = await createProduct(t.db, managerA, form({ nameEn: "Nanhongcheng Lock Test" }));
    if (!created.ok) throw new Error("the product was not created");
    const other = created.productId;
    const order = new pg.Client({ connectionString: t.url! });
    await order.connect();
    try {
      await order.query("BEGIN");
      await order.query(`SELECT "id" FROM "Product" WHERE "id" = $1 FOR KEY SHARE`, [other]);
      const editing = updateProduct(t.db, managerA, { ...form({ price: "¥97.00", nameEn: "Nanhongcheng Lock Test" }), productId: other });
      const waited = await Promise.race([editing.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
      await order.query("COMMIT");
      expect(waited).toBe(false);
      expect((await editing).ok).toBe(true);
      expect((await t.db.product.findUniqueOrThrow({ where: { id: other } })).priceFen).toBe(9700);
    } finally {
      await order.end();
    }
  });

  test("submitting needs a benefit rule with households", async () => {
    const refused = await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "submit" });
    expect(refused).toMatchObject({ ok: false, status: 409, message: "productEditor.errors.needsBenefitRule" });
    expect((await t.db.product.findUniqueOrThrow({ where: { id } })).listingStatus).toBe("DRAFT");
  });

  test("submit: in review, submittedAt stamped, the last reviewer's note cleared", async () => {
    await giveBenefitRule(id);
    await t.db.product.update({ where: { id }, data: { reviewNote: "旧的审核意见" } });
    const now = new Date("2026-12-01T02:00:00Z");
    const moved = await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "submit" }, now);
    expect(moved).toMatchObject({ ok: true, from: "DRAFT", to: "IN_REVIEW" });
    const row = await t.db.product.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ listingStatus: "IN_REVIEW", submittedAt: now, reviewNote: null });
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "product.listing-changed", actorId: managerA.id, metadata: { event: "submit", from: "DRAFT", to: "IN_REVIEW" } });
  });

  test("in review, details cannot be edited: 409 and nothing written", async () => {
    const before = await footprint();
    const refused = await updateProduct(t.db, managerA, { ...form({ price: "1.00" }), productId: id });
    expect(refused).toMatchObject({ ok: false, status: 409, message: "productEditor.errors.locked" });
    expect(await footprint()).toEqual(before);
    expect((await t.db.product.findUniqueOrThrow({ where: { id } })).priceFen).toBe(9650);
  });

  test("a manager cannot approve their own product", async () => {
    const refused = await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "approve" as "submit" });
    expect(refused).toMatchObject({ ok: false, status: 409, message: "listing.refusal.wrongActor" });
  });

  test("withdraw, then submit again", async () => {
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "withdraw" })).toMatchObject({ ok: true, to: "DRAFT" });
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "withdraw" })).toMatchObject({ ok: false, status: 409, message: "listing.refusal.notAllowed" });
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "submit" })).toMatchObject({ ok: true, to: "IN_REVIEW" });
    const actions = (await auditsOf(id)).map((a) => a.action);
    expect(actions).toEqual(["product.created", "product.updated", "product.listing-changed", "product.listing-changed", "product.listing-changed"]);
  });

  test("two submits at once: exactly one applies", async () => {
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "withdraw" })).toMatchObject({ ok: true });
    const before = (await auditsOf(id)).length;
    const results = await Promise.all([0, 1, 2, 3].map(() => moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: id, event: "submit" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 409)).toBe(true);
    expect((await auditsOf(id)).length).toBe(before + 1);
  });

  test("the manager's home counts it in review", async () => {
    const [summary] = await coopProductSummary(t.db, managerA);
    expect(summary?.cooperativeId).toBe(coopA);
    const inReview = await t.db.product.count({ where: { cooperativeId: coopA, listingStatus: "IN_REVIEW" } });
    expect(summary?.byState.IN_REVIEW).toBe(inReview);
    expect(inReview).toBeGreaterThan(0);
  });
});

describe("refusals write nothing", () => {
  let draft: string;
  beforeAll(async () => {
    const created = await createProduct(t.db, managerA, form({ nameEn: "Refusal test" }));
    if (!created.ok) throw new Error("setup");
    draft = created.productId;
  });

  test.each([
    ["another cooperative as cooperativeId", () => createProduct(t.db, managerA, form({ cooperativeId: coopB })), 404],
    ["a cooperative that does not exist", () => createProduct(t.db, managerA, form({ cooperativeId: "no-such-coop" })), 404],
    ["a village of no household of the cooperative", () => createProduct(t.db, managerA, form({ originVillageId: foreignVillage })), 400],
    ["a category that does not exist", () => createProduct(t.db, managerA, form({ categoryId: "no-such-category" })), 400],
    ["another cooperative's product, named under one's own cooperative", () => updateProduct(t.db, managerA, { ...form(), productId: productOfB }), 404],
    ["another cooperative's product under its own cooperative", () => updateProduct(t.db, managerA, { ...form({ cooperativeId: coopB }), productId: productOfB }), 404],
    ["manager B editing A's draft under B's cooperative", () => updateProduct(t.db, managerB, { ...form({ cooperativeId: coopB }), productId: draft }), 404],
    ["manager B editing A's draft under A's cooperative", () => updateProduct(t.db, managerB, { ...form(), productId: draft }), 404],
    ["an unknown village on update", () => updateProduct(t.db, managerA, { ...form({ originVillageId: foreignVillage }), productId: draft }), 400],
    ["manager B submitting A's draft", () => moveListingAsManager(t.db, managerB, { cooperativeId: coopA, productId: draft, event: "submit" }), 404],
    ["manager B submitting A's draft under B's cooperative", () => moveListingAsManager(t.db, managerB, { cooperativeId: coopB, productId: draft, event: "archive" }), 404],
    ["manager A archiving B's product", () => moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId: productOfB, event: "takeOffSale" }), 404],
    ["manager B deleting A's draft", () => deleteProduct(t.db, managerB, { cooperativeId: coopB, productId: draft }), 404],
    ["manager A deleting B's product", () => deleteProduct(t.db, managerA, { cooperativeId: coopA, productId: productOfB }), 404],
  ] as const)("%s → %i", async (_name, attempt, status) => {
    const before = await footprint();
    const result = await attempt();
    expect(result).toMatchObject({ ok: false, status });
    expect(await footprint()).toEqual(before);
  });

  test("an unknown village or category names its field", async () => {
    expect(await createProduct(t.db, managerA, form({ originVillageId: foreignVillage }))).toMatchObject({ field: "originVillageId", message: "productEditor.errors.villageUnknown" });
    expect(await createProduct(t.db, managerA, form({ categoryId: "nope" }))).toMatchObject({ field: "categoryId", message: "productEditor.errors.categoryUnknown" });
  });

  test.each(["0", "-3", "0.001", "100000.01", "abc", ""])("price %j never reaches the database", (price) => {
    const parsed = productEditorSchema.safeParse({ ...form(), price });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(["price"]);
  });

  test("a price below the fixed benefit per unit is refused", async () => {
    await t.db.product.update({ where: { id: draft }, data: { benefitRuleType: "FIXED_PER_UNIT", benefitFenPerUnit: 500, benefitBasisPoints: null } });
    const before = await footprint();
    expect(await updateProduct(t.db, managerA, { ...form({ price: "4.99" }), productId: draft })).toMatchObject({ ok: false, status: 400, field: "price", message: "productEditor.errors.priceBelowBenefit" });
    expect(await footprint()).toEqual(before);
    expect(await updateProduct(t.db, managerA, { ...form({ price: "5.00" }), productId: draft })).toMatchObject({ ok: true });
  });

  test("the editor's read is scoped too", async () => {
    expect(await getCoopProductEditor(t.db, { cooperativeIds: managerA.cooperativeIds, productId: draft })).toMatchObject({ id: draft, hasOrders: false });
    expect(await getCoopProductEditor(t.db, { cooperativeIds: managerB.cooperativeIds, productId: draft })).toBeNull();
  });
});

describe("delete", () => {
  test("a draft goes with its photos' rows, weights, batches, stock history and cart lines", async () => {
    const created = await createProduct(t.db, managerA, form({ nameEn: "To be deleted" }));
    if (!created.ok) throw new Error("setup");
    const id = created.productId;
    await giveBenefitRule(id);
    await t.db.productImage.create({ data: { productId: id, url: "/media/products/x/abc.webp", storageKey: `products/${id}/abc` } });
    await t.db.batch.create({ data: { productId: id, lotNumber: "DEL-1", traceCode: `del${Date.now().toString(36)}`, productionDate: new Date("2026-10-01"), quantity: 10 } });
    await t.db.stockMovement.create({ data: { productId: id, reason: "RECEIVED", delta: 10, stockAfter: 10, reserved: 0, actorId: managerA.id } });
    const buyer = await t.db.user.create({ data: { email: `del-${Date.now()}@example.test` }, select: { id: true } });
    await t.db.cart.create({ data: { userId: buyer.id, items: { create: [{ productId: id, quantity: 1 }] } } });

    const deleted = await deleteProduct(t.db, managerA, { cooperativeId: coopA, productId: id });
    expect(deleted).toMatchObject({ ok: true, storageKeys: [`products/${id}/abc`] });
    expect(await t.db.product.findUnique({ where: { id } })).toBeNull();
    const where = { productId: id };
    const left = await Promise.all([t.db.productImage.count({ where }), t.db.productBeneficiary.count({ where }), t.db.batch.count({ where }), t.db.stockMovement.count({ where }), t.db.cartItem.count({ where })]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "product.deleted", actorId: managerA.id, metadata: expect.objectContaining({ status: "DRAFT", images: 1, batches: 1, cartLines: 1 }) });
  });

  test("a product in review cannot be deleted", async () => {
    const inReview = await t.db.product.findFirstOrThrow({ where: { cooperativeId: coopA, listingStatus: "IN_REVIEW" }, select: { id: true } });
    expect(await deleteProduct(t.db, managerA, { cooperativeId: coopA, productId: inReview.id })).toMatchObject({ ok: false, status: 409, message: "productEditor.errors.archiveInstead" });
  });
});

describe("order lines keep what was sold; a product with orders is archived, never deleted", () => {
  let productId: string;
  let firstItem: { id: string; unitPriceFen: number; benefitBasisPoints: number | null; beneficiaries: unknown };

  test("an order placed before the change keeps the old price and rule; a new order gets the new ones", async () => {
    productId = await productIdOf(t.db, "nanhongcheng-merlot");
    const before = await t.db.product.findUniqueOrThrow({ where: { id: productId }, include: { beneficiaries: true } });
    expect(before.listingStatus).toBe("ON_SALE");
    const first = await placeTestOrder(t.db, "BANK_TRANSFER", [[productId, 1]], "editor-before");
    firstItem = await t.db.orderItem.findFirstOrThrow({ where: { orderId: first.orderId }, select: { id: true, unitPriceFen: true, benefitBasisPoints: true, beneficiaries: true } });
    expect(firstItem.unitPriceFen).toBe(before.priceFen);
    expect(firstItem.benefitBasisPoints).toBe(before.benefitBasisPoints);

    // The manager changes the price (editor) and the rule (benefit-rule form).
    const input = productEditorSchema.parse({
      cooperativeId: coopA,
      productId,
      nameZh: before.nameZh,
      nameEn: before.nameEn,
      descriptionZh: before.descriptionZh,
      descriptionEn: before.descriptionEn,
      unitZh: before.unitZh,
      unitEn: before.unitEn,
      specZh: before.specZh,
      specEn: before.specEn,
      categoryId: before.categoryId,
      originVillageId: before.originVillageId,
      price: ((before.priceFen + 1000) / 100).toFixed(2),
    });
    expect(await updateProduct(t.db, managerA, { ...input, productId })).toMatchObject({ ok: true, listingStatus: "ON_SALE" });
    await giveBenefitRule(productId, 2000);

    const kept = await t.db.orderItem.findUniqueOrThrow({ where: { id: firstItem.id }, select: { id: true, unitPriceFen: true, benefitBasisPoints: true, beneficiaries: true } });
    expect(kept).toEqual(firstItem);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: first.orderId }, select: { itemsFen: true } });
    expect(order.itemsFen).toBe(before.priceFen);

    const second = await placeTestOrder(t.db, "BANK_TRANSFER", [[productId, 1]], "editor-after");
    const newItem = await t.db.orderItem.findFirstOrThrow({ where: { orderId: second.orderId }, select: { unitPriceFen: true, benefitBasisPoints: true, beneficiaries: true } });
    expect(newItem.unitPriceFen).toBe(before.priceFen + 1000);
    expect(newItem.benefitBasisPoints).toBe(2000);
    expect(newItem.beneficiaries).toHaveLength(1);
    expect(newItem.beneficiaries).not.toEqual(firstItem.beneficiaries);
  });

  test("with order lines, even a rejected product is archived instead of deleted", async () => {
    // As if it had been resubmitted and the reviewer refused it.
    await t.db.product.update({ where: { id: productId }, data: { listingStatus: "REJECTED", reviewNote: "证书材料不全" } });
    const before = await footprint();
    expect(await deleteProduct(t.db, managerA, { cooperativeId: coopA, productId })).toMatchObject({ ok: false, status: 409, message: "productEditor.errors.archiveInstead" });
    expect(await footprint()).toEqual(before);
    expect(await getCoopProductEditor(t.db, { cooperativeIds: managerA.cooperativeIds, productId })).toMatchObject({ hasOrders: true, reviewNote: "证书材料不全" });

    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId, event: "archive" })).toMatchObject({ ok: true, from: "REJECTED", to: "ARCHIVED" });
    expect(await updateProduct(t.db, managerA, { ...form(), productId })).toMatchObject({ ok: false, status: 409, message: "productEditor.errors.locked" });
    // Its certificate is still the seed's valid one, so it comes back off sale, ready to be put on sale.
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId, event: "restore" })).toMatchObject({ ok: true, to: "OFF_SALE" });
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId, event: "putOnSale" })).toMatchObject({ ok: true, to: "ON_SALE" });
    expect(await moveListingAsManager(t.db, managerA, { cooperativeId: coopA, productId, event: "submit" })).toMatchObject({ ok: false, message: "listing.refusal.notAllowed" });
    const actions = (await auditsOf(productId)).map((a) => a.action);
    expect(actions).toEqual(["product.updated", "product.listing-changed", "product.listing-changed", "product.listing-changed"]);
  });
});
