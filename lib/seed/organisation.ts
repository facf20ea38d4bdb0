// SAMPLE DATA — the institutional demo (issue 15): union@demo.tangxian.shop is the organisation admin, purchaser
// and finance member of a fictional union, which records this Beijing year's canteen budget (30% reserved) and has
// a few canteen orders paid by bank transfer and delivered, so the organisation's pages show progress from the
// first start. The orders buy from two cooperatives no demo manager runs, so the managers' queues and statements
// the other demos and tests look at are untouched.
//
// The seed cannot call the shop's order functions (they are server-only modules, and the seed also runs as a plain
// Node script), so the paid orders are written here as markOrderPaid leaves them: order, lines, shipments and
// payment rows (no stock reservations: these orders are history, sold from the lots before the seed's stock), and
// the benefit ledger planned by lib/domain/ledger.ts's planPayment with its rollups from rollupDeltas — the
// writer's own rules. tests/integration/orgs.test.ts runs `ledger:check`'s checkLedger on a seeded database to
// prove the rows are what the writer would have stored. The membership and the year's figures are the pages' data.
import { randomBytes } from "node:crypto";
import { newId } from "../db/ids";
import type { Prisma } from "../generated/prisma/client";
import { startOfBeijingMonth } from "../domain/calendar";
import { orderNumber, transferReference } from "../domain/checkout";
import { monthOfDay, partyKey, planPayment, rollupDeltas, shanghaiDay, type LineSnapshot, type PlannedEntry } from "../domain/ledger";
import { PRODUCTS } from "./catalog";
import { COOPERATIVES } from "./cooperatives";
import { beneficiariesOf } from "./households";

export const SAMPLE_ORGANISATION = {
  adminEmail: "union@demo.tangxian.shop",
  kind: "UNION",
  name: "北京朝阳示例科技有限公司工会委员会（演示）",
  // 81 = grass-roots trade union, 110105 = Chaoyang: passes GB 32100's check character (lib/domain/credit-code.ts).
  creditCode: "81110105MA01TX268P",
  invoiceTitle: "北京朝阳示例科技有限公司工会委员会",
  taxId: "81110105MA01TX268P",
  address: "北京市朝阳区望京街道示例路 8 号（演示地址）",
  district: "chaoyang",
  approvalThresholdFen: 500_000,
  roles: ["PURCHASER", "FINANCE", "ORG_ADMIN"],
  /** The second member: approves the orders above the threshold (the purchaser does not approve their own). */
  approverEmail: "approver@demo.tangxian.shop",
  /** ¥200,000 of canteen food this year, 30% reserved: a target of ¥60,000. */
  canteenBudgetFen: 20_000_000,
  reservedPercentBp: 3000,
  /**
   * The canteen's orders: [product slug, units], paid evenly over the Beijing year so far. Few lines on purpose:
   * every ledger row adds to a newcomer's first start on the embedded database (docs/benchmarks.md).
   */
  orders: [
    [["tangxian-yellow-millet", 120], ["tangxian-corn-grits", 60]],
    [["taihang-jujubes", 40]],
    [["tangxian-yellow-millet", 150], ["taihang-thin-shell-walnuts", 30]],
  ],
} as const;

export interface OrganisationSeedContext {
  /** Write the paid orders too (SeedOptions.sampleOrders). */
  orders: boolean;
  userIds: ReadonlyMap<string, string>;
  adminEmail: string;
  products: ReadonlyMap<string, string>;
  cooperatives: ReadonlyMap<string, string>;
  villages: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, string>;
  households: ReadonlyMap<string, string>;
  institution: { unitName: string; invoiceTitle: string; taxId: string } | undefined;
  now: Date;
}

const HOUR = 3_600_000;

function must(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: no ${what} "${key}"`);
  return id;
}

/** When each sample order was paid: evenly over the Beijing year so far, after its cooperatives were certified. */
function paidTimes(now: Date, slugs: readonly (readonly string[])[]): Date[] {
  const year = Number(shanghaiDay(now).slice(0, 4));
  const certified = slugs.flat().map((slug) => {
    const coop = COOPERATIVES.find((c) => c.slug === PRODUCTS.find((p) => p.slug === slug)?.cooperative);
    return coop?.certifiedAt ? new Date(`${coop.certifiedAt}T00:00:00+08:00`).getTime() : 0;
  });
  const from = Math.max(startOfBeijingMonth(`${year}-01`).getTime(), ...certified);
  const span = Math.max(0, now.getTime() - HOUR - from);
  return slugs.map((_, i) => new Date(from + Math.floor((span * (i + 1)) / (slugs.length + 1))));
}

type Sums = Map<string, { row: Record<string, unknown>; values: Record<string, number> }>;
function add(map: Sums, key: string, row: Record<string, unknown>, values: Record<string, number>) {
  const hit = map.get(key);
  if (!hit) map.set(key, { row, values: { ...values } });
  else for (const [k, v] of Object.entries(values)) hit.values[k] = (hit.values[k] ?? 0) + v;
}
const rowsOf = (map: Sums) => [...map.values()].map((s) => ({ ...s.row, ...s.values }));

/** Writes the sample organisation, its membership, year and paid orders; nothing when the union account is not seeded. */
export async function seedOrganisation(tx: Prisma.TransactionClient, ctx: OrganisationSeedContext): Promise<{ organisations: number; orders: number }> {
  const s = SAMPLE_ORGANISATION;
  const userId = ctx.userIds.get(s.adminEmail);
  if (!userId) return { organisations: 0, orders: 0 };
  const adminId = ctx.userIds.get(ctx.adminEmail) ?? null;
  const year = Number(shanghaiDay(ctx.now).slice(0, 4));

  const organisation = await tx.organisation.create({
    data: {
      kind: s.kind,
      name: s.name,
      creditCode: s.creditCode,
      invoiceTitle: s.invoiceTitle,
      taxId: s.taxId,
      address: s.address,
      district: s.district,
      approvalThresholdFen: s.approvalThresholdFen,
      members: {
        create: [
          { userId, roles: [...s.roles] },
          ...(ctx.userIds.has(s.approverEmail) ? [{ userId: must(ctx.userIds, s.approverEmail, "demo account"), roles: ["APPROVER" as const] }] : []),
        ],
      },
      years: { create: { year, canteenBudgetFen: BigInt(s.canteenBudgetFen), reservedPercentBp: s.reservedPercentBp } },
    },
    select: { id: true },
  });

  if (!ctx.orders) return { organisations: 1, orders: 0 };

  const orders: Prisma.OrderCreateManyInput[] = [];
  const items: Prisma.OrderItemCreateManyInput[] = [];
  const shipments: Prisma.ShipmentCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
  const sales: Sums = new Map();
  const salesMonths: Sums = new Map();
  const householdDays: Sums = new Map();
  const householdMonths: Sums = new Map();
  const buyers: Sums = new Map();
  const beneficiaryCache = new Map<string, { householdId: string; weight: number }[]>();

  const times = paidTimes(ctx.now, s.orders.map((o) => o.map(([slug]) => slug)));
  s.orders.forEach((lines, n) => {
    const paidAt = times[n]!;
    const placedAt = new Date(paidAt.getTime() - 3 * HOUR);
    const day = shanghaiDay(paidAt);
    const orderId = newId();
    const byCoop = new Map<string, { shipmentId: string; itemsFen: number; fee: number; freeMin: number }>();
    const snapshots: LineSnapshot[] = [];
    const productOf = new Map<string, string>();
    for (const [slug, quantity] of lines) {
      const p = PRODUCTS.find((x) => x.slug === slug);
      if (!p || !p.certified) throw new Error(`seed: sample organisation order names "${slug}", not a certified product`);
      const coop = COOPERATIVES.find((c) => c.slug === p.cooperative)!;
      const cooperativeId = must(ctx.cooperatives, p.cooperative, "cooperative");
      const shipment = byCoop.get(cooperativeId) ?? { shipmentId: newId(), itemsFen: 0, fee: coop.shippingFeeFen, freeMin: coop.freeShippingMinFen };
      byCoop.set(cooperativeId, shipment);
      const lineTotalFen = p.priceFen * quantity;
      shipment.itemsFen += lineTotalFen;
      let beneficiaries = beneficiaryCache.get(p.cooperative);
      if (!beneficiaries) beneficiaryCache.set(p.cooperative, (beneficiaries = beneficiariesOf(p.cooperative).map((b) => ({ householdId: must(ctx.households, b.household, "household"), weight: b.weight }))));
      const item = {
        id: newId(),
        orderId,
        productId: must(ctx.products, slug, "product"),
        cooperativeId,
        shipmentId: shipment.shipmentId,
        categoryId: must(ctx.categories, p.category, "category"),
        originVillageId: must(ctx.villages, p.origin, "village"),
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        unitPriceFen: p.priceFen,
        quantity,
        lineTotalFen,
        benefitRuleType: p.benefit.type,
        benefitBasisPoints: p.benefit.type === "PERCENT_OF_REVENUE" ? p.benefit.basisPoints : null,
        benefitFenPerUnit: p.benefit.type === "FIXED_PER_UNIT" ? p.benefit.fenPerUnit : null,
        beneficiaries,
      } satisfies Prisma.OrderItemCreateManyInput;
      items.push(item);
      productOf.set(item.id, item.productId);
      snapshots.push({ orderItemId: item.id, cooperativeId, villageId: item.originVillageId, categoryId: item.categoryId, unitPriceFen: item.unitPriceFen, quantity, benefitRuleType: item.benefitRuleType, benefitBasisPoints: item.benefitBasisPoints, benefitFenPerUnit: item.benefitFenPerUnit, beneficiaries });
    }
    const itemsFen = [...byCoop.values()].reduce((sum, c) => sum + c.itemsFen, 0);
    const shippingFen = [...byCoop.values()].reduce((sum, c) => sum + (c.itemsFen >= c.freeMin ? 0 : c.fee), 0);
    const reference = transferReference(randomBytes);
    const shippedAt = new Date(paidAt.getTime() + 20 * HOUR);
    const deliveredAt = new Date(Math.min(paidAt.getTime() + 68 * HOUR, ctx.now.getTime()));
    orders.push({
      id: orderId,
      number: orderNumber(placedAt, randomBytes),
      buyerId: userId,
      organisationId: organisation.id,
      status: "DELIVERED",
      paymentMethod: "BANK_TRANSFER",
      buyerType: "INSTITUTION",
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
      recipient: "王老师（食堂）",
      phone: "13911112222",
      district: s.district,
      street: s.address,
      unitName: ctx.institution?.unitName ?? s.name,
      invoiceTitle: ctx.institution?.invoiceTitle ?? s.invoiceTitle,
      taxId: ctx.institution?.taxId ?? s.taxId,
      transferReference: reference,
      placedAt,
      paidAt,
    });
    for (const [cooperativeId, c] of byCoop) {
      shipments.push({
        id: c.shipmentId,
        orderId,
        cooperativeId,
        status: "DELIVERED",
        shippingFen: c.itemsFen >= c.freeMin ? 0 : c.fee,
        carrier: "SF",
        trackingNumber: `SF${String(1_400_000_000_000 + n * 10 + shipments.length).padStart(13, "0")}`,
        packedAt: new Date(paidAt.getTime() + 4 * HOUR),
        shippedAt,
        deliveredAt,
      });
    }
    const paymentId = newId();
    payments.push({ id: paymentId, orderId, method: "BANK_TRANSFER", status: "SUCCEEDED", amountFen: itemsFen + shippingFen, bankReference: reference, confirmedById: adminId, createdAt: placedAt, succeededAt: paidAt });

    // The ledger as writePaymentLedger stores it, and the rollups as its applyRollups adds them.
    const entries: PlannedEntry[] = planPayment(snapshots);
    for (const e of entries) {
      ledger.push({ idempotencyKey: `paid:${partyKey(e)}`, kind: e.kind, orderId, orderItemId: e.orderItemId, paymentId, cooperativeId: e.cooperativeId, householdId: e.householdId, villageId: e.villageId, categoryId: e.categoryId, amountFen: e.amountFen, units: e.units, day: new Date(`${day}T00:00:00.000Z`), createdAt: paidAt });
    }
    const deltas = rollupDeltas(entries, true, { productOf, buyerId: userId });
    const month = monthOfDay(day);
    for (const r of deltas.sales) {
      const values = { orders: r.orders, units: r.units, revenueFen: r.revenueFen, householdBenefitFen: r.householdBenefitFen };
      add(sales, `${r.dimension}:${r.key}:${day}`, { dimension: r.dimension, key: r.key, day: new Date(`${day}T00:00:00.000Z`) }, values);
      add(salesMonths, `${r.dimension}:${r.key}:${month}`, { dimension: r.dimension, key: r.key, month: new Date(`${month}T00:00:00.000Z`) }, values);
    }
    for (const r of deltas.households) {
      add(householdDays, `${r.householdId}:${r.cooperativeId}:${r.villageId}:${r.categoryId}:${day}`, { householdId: r.householdId, cooperativeId: r.cooperativeId, villageId: r.villageId, categoryId: r.categoryId, day: new Date(`${day}T00:00:00.000Z`) }, { amountFen: r.amountFen });
    }
    for (const r of deltas.householdMonths) {
      add(householdMonths, `${r.dimension}:${r.key}:${r.householdId}:${month}`, { dimension: r.dimension, key: r.key, householdId: r.householdId, month: new Date(`${month}T00:00:00.000Z`) }, { amountFen: r.amountFen });
    }
    for (const r of deltas.buyers) add(buyers, `${r.key}:${month}:${r.buyerId}`, { key: r.key, buyerId: r.buyerId, month: new Date(`${month}T00:00:00.000Z`) }, { orders: r.orders });
  });

  await tx.order.createMany({ data: orders });
  await tx.shipment.createMany({ data: shipments });
  await tx.orderItem.createMany({ data: items });
  await tx.payment.createMany({ data: payments });
  await tx.ledgerEntry.createMany({ data: ledger });
  await tx.salesDailyRollup.createMany({ data: rowsOf(sales) as Prisma.SalesDailyRollupCreateManyInput[] });
  await tx.salesMonthlyRollup.createMany({ data: rowsOf(salesMonths) as Prisma.SalesMonthlyRollupCreateManyInput[] });
  await tx.householdDailyIncome.createMany({ data: rowsOf(householdDays) as Prisma.HouseholdDailyIncomeCreateManyInput[] });
  await tx.householdMonthlyIncome.createMany({ data: rowsOf(householdMonths) as Prisma.HouseholdMonthlyIncomeCreateManyInput[] });
  await tx.buyerMonthlyOrders.createMany({ data: rowsOf(buyers) as Prisma.BuyerMonthlyOrdersCreateManyInput[] });
  // A general invoice (普票) requested for the first canteen order, waiting for the county centre to issue it, so
  // /org/invoices and /admin/invoices show a request from the first start (lib/server/orgs/invoices.ts's rows).
  const first = orders[0]!;
  await tx.invoiceRequest.create({
    data: {
      organisationId: organisation.id,
      kind: "GENERAL",
      scope: "ORDER",
      orderId: first.id!,
      title: s.invoiceTitle,
      taxId: s.taxId,
      amountFen: first.totalFen,
      requestedById: userId,
      createdAt: new Date(Math.min(new Date(first.paidAt!).getTime() + 24 * HOUR, ctx.now.getTime())),
      orders: { create: { orderId: first.id!, netFen: first.totalFen, liveOrderId: first.id! } },
    },
  });
  return { organisations: 1, orders: orders.length };
}
