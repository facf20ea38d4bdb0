// 扶贫产品认定 on a real database with the demo data: an admin certifies a product in review (it reaches the
// catalog and can be bought), rejects one (with a reason, never in the catalog), revokes a certificate (off sale at
// once, and a cart holding it cannot check out), is refused a certificate number already taken (nothing written),
// and two admins deciding the same product at once cannot both win. Managers and buyers cannot decide anything.
// Certificates that run out are marked EXPIRED and off sale, once, even by two sweeps at the same time.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cartFingerprint } from "@/lib/domain/checkout";
import { beijingDayOf } from "@/lib/domain/calendar";
import { approveProduct, rejectProduct, revokeCertificate, setFeatured, type CertificationActor } from "@/lib/server/listings/certification";
import { expireCertificates } from "@/lib/server/listings/expiry";
import { placeOrder } from "@/lib/server/orders/place-order";
import { getProduct, listProducts } from "@/lib/server/queries/catalog";
import { listCertified, listRecentDecisions, listReviewQueue } from "@/lib/server/queries/certifications";
import { seedDatabase } from "@/lib/seed";
import { addYears, defaultValidity } from "@/lib/validation/certification";
import { parseCatalogQuery } from "@/lib/validation/catalog";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";

let t: TestDatabase;
let admin: CertificationActor;
let admin2: CertificationActor;
let manager: CertificationActor;
let buyer: CertificationActor;

const LATE_HARVEST = "nanhongcheng-late-harvest-white"; // in review; its cooperative (grapes) is certified
const VERMICELLI = "xiwang-sweet-potato-vermicelli"; // in review; its cooperative is not certified yet
const validity = defaultValidity();

async function actor(email: string): Promise<CertificationActor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  return { id: u.id, role: u.role };
}

/** Every slug the catalog lists, over all its pages. */
async function catalogSlugs(): Promise<Set<string>> {
  const slugs = new Set<string>();
  const first = await listProducts(t.db, parseCatalogQuery({}), "zh-CN");
  for (let page = 1; page <= first.pageCount; page++) {
    for (const item of (await listProducts(t.db, parseCatalogQuery({ page: String(page) }), "zh-CN")).items) slugs.add(item.slug);
  }
  return slugs;
}

/** Sends a certified product of the demo back to review, as a manager's resubmission would (test setup only). */
async function backToReview(slug: string): Promise<string> {
  const id = await productIdOf(t.db, slug);
  await t.db.product.update({
    where: { id },
    data: { listingStatus: "IN_REVIEW", certificationStatus: "PENDING", certificateNumber: null, certifiedAt: null, certificateValidFrom: null, certificateValidUntil: null, submittedAt: new Date() },
  });
  return id;
}

const audits = (productId: string, action?: string) => t.db.auditLog.findMany({ where: { entityType: "Product", entityId: productId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });

const snapshot = (id: string) =>
  t.db.product.findUniqueOrThrow({
    where: { id },
    select: { listingStatus: true, certificationStatus: true, certificateNumber: true, certificateValidFrom: true, certificateValidUntil: true, reviewNote: true, featured: true, updatedAt: true },
  });

/** A buyer with this product in the cart, and placeOrder for that cart. */
async function cartHolding(productId: string) {
  const user = await t.db.user.create({ data: { email: `cert-cart-${productId}-${Date.now()}@example.test` }, select: { id: true } });
  await t.db.cart.create({ data: { userId: user.id, items: { create: [{ productId, quantity: 1 }] } } });
  return () =>
    placeOrder(t.db, {
      userId: user.id,
      method: "BANK_TRANSFER",
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: { unitName: "北京市朝阳区总工会", invoiceTitle: "北京市朝阳区总工会", taxId: "91110105000000000X" },
      fingerprint: cartFingerprint([{ productId, quantity: 1 }]),
    });
}

beforeAll(async () => {
  t = await createTestDatabase("shop_certification");
  await seedDatabase(t.db);
  admin = await actor("admin@demo.tangxian.shop");
  manager = await actor("manager@demo.tangxian.shop");
  buyer = await actor("buyer@demo.tangxian.shop");
  const second = await t.db.user.create({ data: { email: "admin2@example.test", role: "ADMIN", name: "第二位管理员" }, select: { id: true, role: true } });
  admin2 = { id: second.id, role: second.role };
});

afterAll(async () => {
  await t?.drop();
});

describe("the review queue", () => {
  test("holds the seed's two products in review, oldest submission first, with each cooperative's own status", async () => {
    const late = await productIdOf(t.db, LATE_HARVEST);
    await t.db.product.update({ where: { id: late }, data: { submittedAt: new Date("2026-01-01T00:00:00Z") } });
    const queue = await listReviewQueue(t.db);
    expect(queue.map((p) => p.slug)).toEqual([LATE_HARVEST, VERMICELLI]);
    const [first, second] = queue;
    expect(first!.cooperative.status).toBe("CERTIFIED");
    expect(second!.cooperative.status).toBe("PENDING");
    // 15 % of ¥88.00 to the households' pool, the rest to the cooperative.
    expect(first!.rule).toEqual({ type: "PERCENT_OF_REVENUE", basisPoints: 1500 });
    expect(first!.unit).toEqual({ poolFen: 1320, cooperativeFen: 7480 });
    expect(first!.householdCount).toBeGreaterThan(0);
    expect(first!.images.length).toBeGreaterThan(0);
  });
});

describe("approve", () => {
  test("a product in review is certified, on sale, in the catalog, and can be bought", async () => {
    const id = await productIdOf(t.db, LATE_HARVEST);
    expect(await getProduct(t.db, LATE_HARVEST, "zh-CN")).toBeNull();
    await t.db.product.update({ where: { id }, data: { reviewNote: "上次退回：请补充图片" } });
    const outcome = await approveProduct(t.db, admin, { productId: id, certificateNumber: "TX-FPCP-2026-0101", ...validity });
    expect(outcome).toMatchObject({ kind: "done", from: "IN_REVIEW", to: "ON_SALE", sellable: true, cooperativeCertified: true });
    const p = await snapshot(id);
    expect(p).toMatchObject({ listingStatus: "ON_SALE", certificationStatus: "CERTIFIED", certificateNumber: "TX-FPCP-2026-0101", reviewNote: null });
    expect(p.certificateValidFrom?.toISOString().slice(0, 10)).toBe(validity.validFrom);
    expect(p.certificateValidUntil?.toISOString().slice(0, 10)).toBe(validity.validUntil);
    const [row, ...more] = await audits(id, "product.certified");
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ actorId: admin.id, metadata: { from: "IN_REVIEW", to: "ON_SALE", certificateNumber: "TX-FPCP-2026-0101" } });

    expect((await getProduct(t.db, LATE_HARVEST, "zh-CN"))?.certificateNumber).toBe("TX-FPCP-2026-0101");
    expect((await catalogSlugs()).has(LATE_HARVEST)).toBe(true);
    const order = await placeTestOrder(t.db, "BANK_TRANSFER", [[id, 2]], "certified");
    expect(order.totalFen).toBeGreaterThanOrEqual(2 * 8800);
  });

  test("a product of a cooperative that is not certified is certified but stays out of the shop", async () => {
    const id = await productIdOf(t.db, VERMICELLI);
    const outcome = await approveProduct(t.db, admin, { productId: id, certificateNumber: "TX-FPCP-2026-0102", ...validity });
    expect(outcome).toMatchObject({ kind: "done", to: "ON_SALE", sellable: false, cooperativeCertified: false });
    expect((await snapshot(id)).certificationStatus).toBe("CERTIFIED");
    expect(await getProduct(t.db, VERMICELLI, "zh-CN")).toBeNull();
    expect((await catalogSlugs()).has(VERMICELLI)).toBe(false);
    await expect(cartHolding(id).then((place) => place())).resolves.toMatchObject({ ok: false, code: "unavailable" });
    const listed = (await listCertified(t.db)).find((p) => p.id === id);
    expect(listed).toMatchObject({ sellable: false, certificate: "valid", cooperative: { status: "PENDING" } });
  });

  test("a certificate number another product holds is refused and nothing is written", async () => {
    const id = await backToReview("nanhongcheng-sweet-red");
    const taken = (await t.db.product.findFirstOrThrow({ where: { certificationStatus: "CERTIFIED", id: { not: id } }, select: { certificateNumber: true } })).certificateNumber!;
    const before = await snapshot(id);
    const auditCount = await t.db.auditLog.count();
    expect(await approveProduct(t.db, admin, { productId: id, certificateNumber: taken, ...validity })).toEqual({ kind: "duplicateCertificate" });
    expect(await snapshot(id)).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(auditCount);
  });

  test("two admins approving the same product at once: exactly one wins, the other is told it was decided", async () => {
    const id = await productIdOf(t.db, "nanhongcheng-sweet-red"); // in review since the previous test
    const outcomes = await Promise.all([
      approveProduct(t.db, admin, { productId: id, certificateNumber: "TX-RACE-A", ...validity }),
      approveProduct(t.db, admin2, { productId: id, certificateNumber: "TX-RACE-B", ...validity }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["alreadyDecided", "done"]);
    const winner = outcomes[0].kind === "done" ? "TX-RACE-A" : "TX-RACE-B";
    expect((await snapshot(id)).certificateNumber).toBe(winner);
    expect(await audits(id, "product.certified")).toHaveLength(1);
    // And once decided, a late approval or rejection is "already decided" too.
    expect(await approveProduct(t.db, admin, { productId: id, certificateNumber: "TX-RACE-C", ...validity })).toEqual({ kind: "alreadyDecided" });
    expect(await rejectProduct(t.db, admin, { productId: id, reason: "太晚了" })).toEqual({ kind: "alreadyDecided" });
  });

  test("approve and reject racing: one decision, one audit row", async () => {
    const id = await backToReview("tangxian-buckwheat-flour");
    const outcomes = await Promise.all([
      approveProduct(t.db, admin, { productId: id, certificateNumber: "TX-RACE-D", ...validity }),
      rejectProduct(t.db, admin2, { productId: id, reason: "检测报告过期" }),
    ]);
    expect(outcomes.filter((o) => o.kind === "done")).toHaveLength(1);
    const decisions = (await audits(id)).filter((a) => a.action === "product.certified" || a.action === "product.certification-rejected");
    expect(decisions).toHaveLength(1);
    expect((await snapshot(id)).listingStatus).toBe(decisions[0]!.action === "product.certified" ? "ON_SALE" : "REJECTED");
  });
});

describe("reject", () => {
  test("in review → rejected with the reason, never in the catalog", async () => {
    const target = "nanhongcheng-merlot";
    const id = await backToReview(target);
    const reason = "酒标未注明酒精度。\n请补充第三方检测报告。";
    expect(await rejectProduct(t.db, admin, { productId: id, reason })).toMatchObject({ kind: "done", from: "IN_REVIEW", to: "REJECTED" });
    expect(await snapshot(id)).toMatchObject({ listingStatus: "REJECTED", reviewNote: reason, certificateNumber: null });
    expect(await audits(id, "product.certification-rejected")).toMatchObject([{ actorId: admin.id, metadata: { reason } }]);
    expect(await getProduct(t.db, target, "zh-CN")).toBeNull();
    expect((await catalogSlugs()).has(target)).toBe(false);
    const recent = await listRecentDecisions(t.db);
    expect(recent.find((d) => d.product?.nameZh && d.action === "product.certification-rejected" && d.reason === reason)).toBeDefined();
  });
});

describe("revoke", () => {
  test("off sale at once: out of the catalog, and a cart that holds it cannot check out", async () => {
    const slug = "nanhongcheng-cabernet-sauvignon";
    const id = await productIdOf(t.db, slug);
    const number = (await snapshot(id)).certificateNumber;
    expect(await getProduct(t.db, slug, "zh-CN")).not.toBeNull();
    const place = await cartHolding(id);
    const reason = "抽检不合格（批次 2026-05）";
    expect(await revokeCertificate(t.db, admin, { productId: id, reason })).toMatchObject({ kind: "done", from: "ON_SALE", to: "OFF_SALE" });
    expect(await snapshot(id)).toMatchObject({ listingStatus: "OFF_SALE", certificationStatus: "REVOKED", reviewNote: reason, certificateNumber: number });
    expect(await audits(id, "product.certificate-revoked")).toMatchObject([{ actorId: admin.id, metadata: { reason, certificateNumber: number, from: "ON_SALE" } }]);
    expect(await getProduct(t.db, slug, "zh-CN")).toBeNull();
    expect((await catalogSlugs()).has(slug)).toBe(false);
    const stockBefore = (await t.db.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;
    await expect(place()).resolves.toMatchObject({ ok: false, code: "unavailable" });
    expect((await t.db.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock).toBe(stockBefore);
    // Twice is "already decided", with no second audit row.
    expect(await revokeCertificate(t.db, admin2, { productId: id, reason: "重复" })).toEqual({ kind: "alreadyDecided" });
    expect(await audits(id, "product.certificate-revoked")).toHaveLength(1);
  });

  test("a product off sale with a certificate can be revoked too; one never certified cannot", async () => {
    const id = await productIdOf(t.db, LATE_HARVEST);
    await t.db.product.update({ where: { id }, data: { listingStatus: "OFF_SALE" } });
    expect(await revokeCertificate(t.db, admin, { productId: id, reason: "合作社申请撤销" })).toMatchObject({ kind: "done", from: "OFF_SALE", to: "OFF_SALE" });
    const rejected = await productIdOf(t.db, "nanhongcheng-merlot"); // rejected above, never certified since
    expect(await revokeCertificate(t.db, admin, { productId: rejected, reason: "无证书" })).toEqual({ kind: "refused", reason: "notAllowed" });
    expect(await audits(rejected, "product.certificate-revoked")).toHaveLength(0);
  });
});

describe("who may decide", () => {
  test("a manager (even of the product's own cooperative) or a buyer is refused, and nothing is written", async () => {
    // A product of the manager's own cooperative (南洪城村 grapes).
    const id = await backToReview("nanhongcheng-marselan");
    const before = await snapshot(id);
    const auditCount = await t.db.auditLog.count();
    for (const who of [manager, buyer]) {
      expect(await approveProduct(t.db, who, { productId: id, certificateNumber: "TX-SELF-0001", ...validity })).toEqual({ kind: "refused", reason: "wrongActor" });
      expect(await rejectProduct(t.db, who, { productId: id, reason: "自己退回" })).toEqual({ kind: "refused", reason: "wrongActor" });
      expect(await setFeatured(t.db, who, { productId: id, featured: !before.featured })).toEqual({ kind: "refused", reason: "wrongActor" });
    }
    const onSale = { id: await productIdOf(t.db, "nanhongcheng-chardonnay") };
    const onSaleBefore = await snapshot(onSale.id);
    for (const who of [manager, buyer]) expect(await revokeCertificate(t.db, who, { productId: onSale.id, reason: "撤销" })).toEqual({ kind: "refused", reason: "wrongActor" });
    expect(await snapshot(id)).toEqual(before);
    expect(await snapshot(onSale.id)).toEqual(onSaleBefore);
    expect(await t.db.auditLog.count()).toBe(auditCount);
  });

  test("an unknown product is not found", async () => {
    expect(await approveProduct(t.db, admin, { productId: "nope", certificateNumber: "TX-NONE-0001", ...validity })).toEqual({ kind: "notFound" });
    expect(await rejectProduct(t.db, admin, { productId: "nope", reason: "不存在" })).toEqual({ kind: "notFound" });
    expect(await revokeCertificate(t.db, admin, { productId: "nope", reason: "不存在" })).toEqual({ kind: "notFound" });
  });
});

describe("featured", () => {
  test("an admin features and unfeatures; asking for the state it is in writes nothing", async () => {
    const p = await t.db.product.findFirstOrThrow({ where: { listingStatus: "ON_SALE", certificationStatus: "CERTIFIED", featured: false }, select: { id: true } });
    expect(await setFeatured(t.db, admin, { productId: p.id, featured: true })).toMatchObject({ kind: "done", featured: true, changed: true });
    expect(await setFeatured(t.db, admin2, { productId: p.id, featured: true })).toMatchObject({ kind: "done", changed: false });
    expect((await snapshot(p.id)).featured).toBe(true);
    expect(await audits(p.id, "product.updated")).toMatchObject([{ actorId: admin.id, metadata: { featured: true } }]);
    expect(await setFeatured(t.db, admin, { productId: p.id, featured: false })).toMatchObject({ changed: true });
    expect((await snapshot(p.id)).featured).toBe(false);
  });
});

describe("expiry", () => {
  test("an expired certificate: EXPIRED and off sale, one audit row, even with two sweeps at once", async () => {
    const now = new Date();
    const today = beijingDayOf(now);
    const p = await t.db.product.findFirstOrThrow({ where: { listingStatus: "ON_SALE", certificationStatus: "CERTIFIED", cooperative: { status: "CERTIFIED" } }, orderBy: { slug: "desc" }, select: { id: true, slug: true } });
    const yesterday = new Date(`${today}T00:00:00.000Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    await t.db.product.update({ where: { id: p.id }, data: { certificateValidFrom: new Date(`${addYears(today, -1)}T00:00:00.000Z`), certificateValidUntil: yesterday } });
    // Already not sold, before any sweep: the reads check the date themselves.
    expect(await getProduct(t.db, p.slug, "zh-CN")).toBeNull();
    const [a, b] = await Promise.all([expireCertificates(t.db, now), expireCertificates(t.db, now)]);
    expect([...a, ...b].filter((id) => id === p.id)).toHaveLength(1);
    expect(await snapshot(p.id)).toMatchObject({ certificationStatus: "EXPIRED", listingStatus: "OFF_SALE" });
    expect(await audits(p.id, "product.certificate-expired")).toMatchObject([{ actorId: null, metadata: { from: "ON_SALE", to: "OFF_SALE" } }]);
    expect(await expireCertificates(t.db, now)).not.toContain(p.id);
    expect((await listRecentDecisions(t.db)).find((d) => d.action === "product.certificate-expired")).toMatchObject({ by: null });
  });
});
