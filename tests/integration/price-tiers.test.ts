// Quantity prices and the minimum order quantity (issue 15, item 4) on real PostgreSQL with the demo data:
// the manager's save action through the real chain (valid, bad rows answered per field with nothing written,
// another cooperative's manager refused), the cart showing the tier reached and the next one, an order placed at
// the tier price with line, order and benefit-ledger figures computed here independently, and a line below the
// minimum refused by the cart actions and by checkout with nothing written.
// The framework boundary (request headers, cookies, the locale, Next's cache) is mocked; decide() is real.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import type { TestDatabase } from "../helpers/db";

const holder = vi.hoisted(() => ({ t: null as TestDatabase | null, actor: null as (Actor & { email: string; name: string | null; buyerType: string }) | null }));
const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("next/cache", () => ({ revalidateTag: cache.revalidateTag, revalidatePath: cache.revalidatePath, unstable_cache: <F>(fn: F) => fn }));
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => "zh-CN" }));
vi.mock("@/lib/server/db", async () => {
  const { createTestDatabase } = await import("../helpers/db");
  holder.t = await createTestDatabase("shop_price_tiers");
  return { db: holder.t.db };
});
vi.mock("@/lib/server/authz", async () => (await import("../helpers/authz-stub")).authzStub(() => holder.actor));

const { db } = await import("@/lib/server/db");
const { seedDatabase } = await import("@/lib/seed");
const { savePriceTiersAction } = await import("@/lib/server/actions/coop/save-price-tiers");
const { addToCartAction } = await import("@/lib/server/actions/cart/add-to-cart");
const { setCartQuantityAction } = await import("@/lib/server/actions/cart/set-cart-quantity");
const { getCartView } = await import("@/lib/server/queries/cart");
const { getProduct } = await import("@/lib/server/queries/catalog/product");
const { placeOrder } = await import("@/lib/server/orders/place-order");
const { markOrderPaid } = await import("@/lib/server/orders/lifecycle");
const { catalogTags } = await import("@/lib/server/queries/catalog/tags");
const { translator } = await import("@/lib/i18n/translate");
const { checkoutInput, placeTestOrder } = await import("../helpers/orders");
const { expectLedgerReconciled } = await import("../helpers/ledger");
const zh = translator("zh-CN");

type TestActor = NonNullable<typeof holder.actor>;
let managerA: TestActor;
let managerB: TestActor;
let admin: TestActor;
let coopA: string;
let coopB: string;
let ours: string; // a product of manager A's cooperative
let theirs: string; // one of manager B's

async function actorOf(email: string): Promise<TestActor> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true, buyerType: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, buyerType: u.buyerType, cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) };
}

let buyers = 0;
async function newBuyer(): Promise<TestActor> {
  const u = await db.user.create({ data: { email: `tiers-buyer-${++buyers}@example.test` }, select: { email: true } });
  return actorOf(u.email);
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

const idOf = async (slug: string) => (await db.product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

/** Everything a refused save or order could have written. */
async function footprint() {
  return {
    products: await db.product.findMany({ select: { id: true, priceTiers: true, minOrderQuantity: true, stock: true, updatedAt: true }, orderBy: { id: "asc" } }),
    audits: await db.auditLog.count(),
    orders: await db.order.count(),
    items: await db.orderItem.count(),
    reservations: await db.stockReservation.count(),
    mails: await db.mailMessage.count(),
    cartItems: await db.cartItem.findMany({ select: { cartId: true, productId: true, quantity: true }, orderBy: [{ cartId: "asc" }, { productId: "asc" }] }),
  };
}

/** Half up to the fen, per unit, from the list price: written out here rather than taken from the module. */
const tierPrice = (listFen: number, bp: number) => Math.floor((listFen * (10_000 - bp) + 5_000) / 10_000);

beforeAll(async () => {
  await seedDatabase(db);
  managerA = await actorOf("manager@demo.tangxian.shop");
  managerB = await actorOf("manager2@demo.tangxian.shop");
  admin = await actorOf("admin@demo.tangxian.shop");
  coopA = managerA.cooperativeIds[0]!;
  coopB = managerB.cooperativeIds[0]!;
  ours = await idOf("nanhongcheng-merlot");
  theirs = await idOf("hongnancheng-yellow-peach-canned");
  expect(managerB.cooperativeIds).not.toContain(coopA);
}, 120_000);

afterAll(async () => {
  await holder.t?.drop();
});

beforeEach(() => {
  holder.actor = managerA;
  cache.revalidateTag.mockReset();
  cache.revalidatePath.mockReset();
});

describe("the seed", () => {
  test("two products with canteen tiers, one sold in packs of 6", async () => {
    const rows = await db.product.findMany({ where: { OR: [{ minOrderQuantity: { gt: 1 } }, { NOT: { priceTiers: { equals: [] } } }] }, select: { slug: true, priceTiers: true, minOrderQuantity: true }, orderBy: { slug: "asc" } });
    const tiers = [{ minQuantity: 50, discountBp: 500 }, { minQuantity: 200, discountBp: 800 }];
    expect(rows).toEqual([
      { slug: "hongnancheng-ya-pear-canned", priceTiers: tiers, minOrderQuantity: 1 },
      { slug: "tangxian-mung-beans", priceTiers: [], minOrderQuantity: 6 },
      { slug: "zhuangtou-stone-ground-flour", priceTiers: tiers, minOrderQuantity: 1 },
    ]);
  });

  test("the product page's cached read carries them", async () => {
    const flour = await getProduct(db, "zhuangtou-stone-ground-flour", "zh-CN");
    expect(flour).toMatchObject({ priceTiers: [{ minQuantity: 50, discountBp: 500 }, { minQuantity: 200, discountBp: 800 }], minOrderQuantity: 1 });
    expect(await getProduct(db, "tangxian-mung-beans", "en")).toMatchObject({ priceTiers: [], minOrderQuantity: 6 });
  });
});

describe("a manager saves the quantity prices", () => {
  test("valid: stored sorted, one audit row, the product's page and cards expired", async () => {
    const before = await db.auditLog.count();
    const state = await savePriceTiersAction(
      undefined,
      form({ cooperativeId: coopA, productId: ours, minOrderQuantity: "2", "tier.0.from": "200", "tier.0.discount": "8", "tier.1.from": "", "tier.1.discount": "", "tier.2.from": "50", "tier.2.discount": "5%" }),
    );
    expect(state).toMatchObject({ ok: true, status: 200, message: zh("org.priceTiers.form.saved") });
    const row = await db.product.findUniqueOrThrow({ where: { id: ours }, select: { priceTiers: true, minOrderQuantity: true } });
    expect(row).toEqual({ priceTiers: [{ minQuantity: 50, discountBp: 500 }, { minQuantity: 200, discountBp: 800 }], minOrderQuantity: 2 });
    expect(await db.auditLog.count()).toBe(before + 1);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "product.price-tiers-saved", entityId: ours }, orderBy: { createdAt: "desc" } });
    expect(entry).toMatchObject({ actorId: managerA.id, entityType: "Product", metadata: { from: { tiers: [], minOrderQuantity: 1 }, to: { minOrderQuantity: 2 } } });
    const tags = cache.revalidateTag.mock.calls.map((c) => String(c[0]));
    expect(tags).toContain(catalogTags.product(ours));
  });

  test.each<[string, Record<string, string>, Record<string, string>]>([
    ["a deeper discount at a lower threshold", { "tier.0.from": "50", "tier.0.discount": "8", "tier.1.from": "200", "tier.1.discount": "5" }, { "tier.1.discount": zh("org.priceTiers.problems.discountNotIncreasing", { quantity: 50 }) }],
    ["a discount over 50%", { "tier.0.from": "50", "tier.0.discount": "60" }, { "tier.0.discount": zh("org.priceTiers.problems.discountInvalid") }],
    ["a percentage that is not one", { "tier.0.from": "50", "tier.0.discount": "五" }, { "tier.0.discount": zh("org.priceTiers.form.discountFormat") }],
    ["half a row", { "tier.0.from": "50" }, { "tier.0.discount": zh("org.priceTiers.form.rowIncomplete") }],
    ["a tier from 1 unit", { "tier.0.from": "1", "tier.0.discount": "5" }, { "tier.0.from": zh("org.priceTiers.problems.thresholdInvalid", { min: 2, max: 100_000 }) }],
    ["two tiers at one threshold", { "tier.0.from": "50", "tier.0.discount": "5", "tier.3.from": "50", "tier.3.discount": "6" }, { "tier.3.from": zh("org.priceTiers.problems.duplicateThreshold", { quantity: 50 }) }],
    ["a tier below the minimum order", { minOrderQuantity: "60", "tier.0.from": "50", "tier.0.discount": "5" }, { "tier.0.from": zh("org.priceTiers.problems.belowMinOrder", { minOrder: 60 }) }],
    ["a minimum of 0", { minOrderQuantity: "0" }, { minOrderQuantity: zh("org.priceTiers.minOrderInvalid") }],
    ["a minimum beyond the cart's 9,999 a line", { minOrderQuantity: "10000" }, { minOrderQuantity: zh("org.priceTiers.minOrderInvalid") }],
  ])("%s → 400 with the message next to the field, typed values kept, nothing written", async (_why, fields, fieldErrors) => {
    const before = await footprint();
    const state = await savePriceTiersAction(undefined, form({ cooperativeId: coopA, productId: ours, ...fields }));
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors });
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(Object.keys(fieldErrors).sort());
    expect(state.values).toMatchObject(fields);
    expect(await footprint()).toEqual(before);
    expect(cache.revalidateTag).not.toHaveBeenCalled();
  });

  test("a fixed benefit per unit above a tier's price is refused", async () => {
    const trial = await idOf("tangxian-millet-trial-pack"); // ¥9.90, ¥1.50 a pack to households
    const grains = (await db.product.findUniqueOrThrow({ where: { id: trial }, select: { cooperativeId: true } })).cooperativeId;
    holder.actor = { ...managerA, cooperativeIds: [grains] };
    const before = await footprint();
    // 85% off is refused by the domain already; at 50% a pack costs ¥4.95, still above ¥1.50: make the benefit ¥6.
    await db.product.update({ where: { id: trial }, data: { benefitFenPerUnit: 600 } });
    const state = await savePriceTiersAction(undefined, form({ cooperativeId: grains, productId: trial, "tier.0.from": "10", "tier.0.discount": "50" }));
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors: { "tier.0.discount": zh("org.priceTiers.form.belowBenefit", { price: 4.95, benefit: 6 }) } });
    await db.product.update({ where: { id: trial }, data: { benefitFenPerUnit: 150 } });
    expect(await footprint()).toMatchObject({ audits: before.audits });
  });

  test("manager B on A's product: 404 whichever cooperative the form names; nothing written", async () => {
    holder.actor = managerB;
    const before = await footprint();
    const fields = { productId: ours, "tier.0.from": "10", "tier.0.discount": "30" };
    expect(await savePriceTiersAction(undefined, form({ cooperativeId: coopA, ...fields }))).toMatchObject({ ok: false, status: 404 });
    expect(await savePriceTiersAction(undefined, form({ cooperativeId: coopB, ...fields }))).toMatchObject({ ok: false, status: 404 });
    // And manager A on B's product.
    holder.actor = managerA;
    expect(await savePriceTiersAction(undefined, form({ cooperativeId: coopA, productId: theirs, "tier.0.from": "10", "tier.0.discount": "30" }))).toMatchObject({ ok: false, status: 404 });
    expect(await footprint()).toEqual(before);
  });

  test("a buyer, an admin and a signed-out visitor are refused before the input is read", async () => {
    const before = await footprint();
    for (const [actor, status] of [[await newBuyer(), 403], [admin, 403], [null, 401]] as const) {
      holder.actor = actor;
      expect(await savePriceTiersAction(undefined, form({ cooperativeId: coopA, productId: ours, "tier.0.from": "x" }))).toMatchObject({ ok: false, status });
    }
    expect(await footprint()).toEqual(before);
  });

  test("in review, the terms are frozen: 409", async () => {
    await db.product.update({ where: { id: ours }, data: { listingStatus: "IN_REVIEW" } });
    try {
      const before = await footprint();
      expect(await savePriceTiersAction(undefined, form({ cooperativeId: coopA, productId: ours, "tier.0.from": "60", "tier.0.discount": "6" }))).toMatchObject({ ok: false, status: 409 });
      expect(await footprint()).toEqual(before);
    } finally {
      await db.product.update({ where: { id: ours }, data: { listingStatus: "ON_SALE" } });
    }
  });
});

describe("buying at a tier price", () => {
  test("the cart shows the tier reached and the next one", async () => {
    const pear = await idOf("hongnancheng-ya-pear-canned"); // ¥45.00, ≥50 −5%, ≥200 −8%
    const buyer = await newBuyer();
    holder.actor = buyer;
    expect(await addToCartAction(undefined, form({ productId: pear, quantity: "60" }))).toMatchObject({ ok: true });
    const view = await getCartView({ userId: buyer.id }, "zh-CN");
    const line = view.groups[0]!.lines[0]!;
    expect(line).toMatchObject({ quantity: 60, listPriceFen: 4500, unitPriceFen: 4275, tier: { minQuantity: 50, discountBp: 500 }, nextTier: { minQuantity: 200, discountBp: 800, moreUnits: 140 } });
    expect(view.itemsFen).toBe(4275 * 60);
    expect(zh("org.priceTiers.shop.nextTier", { more: 140, discount: zh("org.priceTiers.discount", { zhe: "92", percent: 8 }) })).toBe("再买 140 件享 92 折");
  });

  test("an order's lines, totals and benefit ledger are at the tier price, to the fen", async () => {
    const pear = await idOf("hongnancheng-ya-pear-canned");
    // A price where the discount rounds: ¥123.45 less 3.33% is 11933.9115 fen → 11934 (half up).
    await db.product.update({ where: { id: ours }, data: { priceFen: 12_345, priceTiers: [{ minQuantity: 3, discountBp: 333 }], minOrderQuantity: 1 } });
    const placed = await placeTestOrder(db, "BANK_TRANSFER", [[pear, 200], [ours, 3]], "tiers");
    const order = await db.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      select: { itemsFen: true, shippingFen: true, totalFen: true, items: { select: { id: true, productId: true, unitPriceFen: true, quantity: true, lineTotalFen: true, benefitBasisPoints: true }, orderBy: { productId: "asc" } } },
    });
    const expected = new Map([
      [pear, { unit: tierPrice(4500, 800), quantity: 200 }],
      [ours, { unit: tierPrice(12_345, 333), quantity: 3 }],
    ]);
    expect(tierPrice(4500, 800)).toBe(4140);
    expect(tierPrice(12_345, 333)).toBe(11_934);
    for (const item of order.items) {
      const e = expected.get(item.productId)!;
      expect(item).toMatchObject({ unitPriceFen: e.unit, quantity: e.quantity, lineTotalFen: e.unit * e.quantity });
    }
    // Shipping per cooperative, from its own terms, on its tier-priced items.
    const coops = await db.product.findMany({ where: { id: { in: [pear, ours] } }, select: { id: true, cooperative: { select: { shippingFeeFen: true, freeShippingMinFen: true } } } });
    const shipping = coops.reduce((s, p) => {
      const items = expected.get(p.id)!.unit * expected.get(p.id)!.quantity;
      return s + (items >= p.cooperative.freeShippingMinFen ? 0 : p.cooperative.shippingFeeFen);
    }, 0);
    const itemsFen = 4140 * 200 + 11_934 * 3;
    expect(order).toMatchObject({ itemsFen, shippingFen: shipping, totalFen: itemsFen + shipping });
    expect(placed.totalFen).toBe(itemsFen + shipping);

    // Paid: each line's entries sum to its tier-priced line total, the households' pool is its percentage of it.
    await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen, bankReference: `TXZZ-${placed.number}` }));
    for (const item of order.items) {
      const entries = await db.ledgerEntry.findMany({ where: { orderItemId: item.id }, select: { kind: true, amountFen: true } });
      expect(entries.reduce((s, e) => s + e.amountFen, 0)).toBe(item.lineTotalFen);
      const pool = entries.filter((e) => e.kind === "HOUSEHOLD_BENEFIT").reduce((s, e) => s + e.amountFen, 0);
      expect(pool).toBe(Math.floor((item.lineTotalFen * item.benefitBasisPoints! + 5_000) / 10_000));
    }
    await expectLedgerReconciled(db);
  });

  test("below a tier's threshold the list price applies", async () => {
    const flour = await idOf("zhuangtou-stone-ground-flour");
    const placed = await placeTestOrder(db, "STRIPE", [[flour, 49]], "tiers");
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { unitPriceFen: true, lineTotalFen: true } });
    expect(item).toEqual({ unitPriceFen: 4500, lineTotalFen: 4500 * 49 });
  });
});

describe("the minimum order quantity", () => {
  test("the cart actions refuse a line below it, with its translated message", async () => {
    const beans = await idOf("tangxian-mung-beans"); // 6 bags at least
    const buyer = await newBuyer();
    holder.actor = buyer;
    const before = await footprint();
    const refusal = { ok: false, status: 400, fieldErrors: { quantity: zh("org.priceTiers.quantity.belowMinOrder", { minOrder: 6 }) } };
    expect(await addToCartAction(undefined, form({ productId: beans, quantity: "5" }))).toMatchObject(refusal);
    expect(await footprint()).toEqual(before);
    expect(await addToCartAction(undefined, form({ productId: beans, quantity: "6" }))).toMatchObject({ ok: true });
    expect(await setCartQuantityAction(undefined, form({ productId: beans, quantity: "5" }))).toMatchObject(refusal);
    expect(await setCartQuantityAction(undefined, form({ productId: beans, quantity: "120" }))).toMatchObject({ ok: true });
    expect((await getCartView({ userId: buyer.id }, "zh-CN")).groups[0]!.lines[0]).toMatchObject({ quantity: 120, minOrderQuantity: 6 });
    // Removing the line is always allowed.
    expect(await setCartQuantityAction(undefined, form({ productId: beans, quantity: "0" }))).toMatchObject({ ok: true });
  });

  test("a canteen's quantities pass the per-line cap (above 99), still bounded by the stock", async () => {
    const pear = await idOf("hongnancheng-ya-pear-canned");
    const stock = (await db.product.findUniqueOrThrow({ where: { id: pear }, select: { stock: true } })).stock;
    holder.actor = await newBuyer();
    expect(await addToCartAction(undefined, form({ productId: pear, quantity: "150" }))).toMatchObject({ ok: true });
    // The refusal says how many more fit, in the product's unit, on the quantity field, and gives back what was typed.
    const unit = (await db.product.findUniqueOrThrow({ where: { id: pear }, select: { unitZh: true } })).unitZh;
    const message = zh("cart.errors.aboveStock", { count: stock - 150, quantity: zh("product.quantity", { count: stock - 150, unit }) });
    expect(message).toContain(`${stock - 150}${unit}`);
    expect(await addToCartAction(undefined, form({ productId: pear, quantity: String(stock) }))).toEqual({
      ok: false,
      status: 409,
      message: zh("validation.fixErrors"),
      fieldErrors: { quantity: message },
      values: { productId: pear, quantity: String(stock) },
    });
  });

  test("checkout refuses a line below it (raised since it was added) and writes nothing", async () => {
    const beans = await idOf("tangxian-mung-beans");
    const pear = await idOf("hongnancheng-ya-pear-canned");
    const buyer = await db.user.create({ data: { email: "tiers-canteen@example.test" }, select: { id: true } });
    const lines = [
      { productId: pear, quantity: 10 },
      { productId: beans, quantity: 5 },
    ];
    await db.cart.create({ data: { userId: buyer.id, items: { create: lines } } });
    const before = await footprint();
    const result = await placeOrder(db, checkoutInput(buyer.id, lines, "BANK_TRANSFER"));
    expect(result).toEqual({ ok: false, code: "belowMinOrder", productName: { zh: "绿豆", en: "Mung Beans" }, minOrder: 6 });
    expect(await footprint()).toEqual(before);
    expect(zh("org.priceTiers.checkout.belowMinOrder", { name: "绿豆", minOrder: 6 })).toContain("6");
  });
});
