import "server-only";
// Stock adjustments and the low-stock threshold, scoped to the caller's cooperative. An adjustment takes the
// product's row lock first (SELECT … FOR NO KEY UPDATE, the lock its UPDATE takes): placing an order (a conditional
// decrement of the same row, under the same lock),
// cancelling one (an increment) and another adjustment all queue behind it, so the stock and the reserved units
// read under the lock are the ones the write is judged against, and stock never goes below zero. The rule itself
// is lib/domain/stock.ts; every adjustment leaves a StockMovement row and an audit row in the same transaction.
import { HOT_ROW_TRANSACTION, type Db } from "@/lib/db/client";
import { type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import { canEditStock, type ListingStatus } from "@/lib/domain/listing";
import { MAX_LOW_STOCK_THRESHOLD, planAdjustment, type AdjustmentRefusal, type StockReason } from "@/lib/domain/stock";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { Translate } from "@/lib/i18n/translate";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

type Tx = Prisma.TransactionClient;

export interface StockTarget {
  scope: OneCoopScope;
  productId: string;
}

/**
 * Takes the product's row lock, within the caller's cooperative; null when it is not theirs (or does not exist).
 * FOR NO KEY UPDATE, an edit's lock (./product-lock.ts says why not FOR UPDATE), read with the stock in one statement.
 */
async function lockProduct(tx: Tx, { scope, productId }: StockTarget) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  const rows = await tx.$queryRaw<{ id: string; stock: number; listingStatus: string }[]>`
    SELECT "id", "stock", "listingStatus"::text AS "listingStatus" FROM "Product"
    WHERE "id" = ${productId} AND "cooperativeId" = ${scope.cooperativeId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

export { lockProduct as lockScopedProduct };

/**
 * Units of one product that are on the shelf but no longer on sale: held by unpaid orders (ACTIVE reservations),
 * and sold to paid orders whose shipment has not left (to pack or packed; less what was refunded). A stocktake
 * counts the shelf, so both are taken off the count before the rest goes on sale.
 */
export async function reservedUnits(db: Db | Tx, productId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ held: bigint | number | null }[]>`
    SELECT
      COALESCE((SELECT SUM("quantity") FROM "StockReservation" WHERE "productId" = ${productId} AND "status" = 'ACTIVE'), 0)
      + COALESCE((
          SELECT SUM(i."quantity" - i."refundedQuantity")
          FROM "OrderItem" i
          JOIN "Order" o ON o."id" = i."orderId"
          JOIN "Shipment" s ON s."id" = i."shipmentId"
          WHERE i."productId" = ${productId}
            AND o."status" IN ('PAID', 'PARTIALLY_SHIPPED')
            AND s."status" IN ('PENDING', 'PACKED')
        ), 0) AS "held"`;
  return Number(row?.held ?? 0);
}

export type AdjustStockResult =
  | { ok: true; movementId: string; delta: number; stockAfter: number; reserved: number }
  | { ok: false; code: "notFound" | "archived" }
  | ({ ok: false; code: "refused" } & AdjustmentRefusal);

export interface AdjustStockInput extends StockTarget {
  reason: StockReason;
  /** Received or damaged units; for a stocktake, the units counted on hand. */
  units: number;
  note: string;
  actorId: string;
}

const TX = { ...HOT_ROW_TRANSACTION, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted };

/** One adjustment, or the reason it was refused (then nothing is written). */
export async function adjustStock(db: Db, input: AdjustStockInput): Promise<AdjustStockResult> {
  return db.$transaction(async (tx): Promise<AdjustStockResult> => {
    const product = await lockProduct(tx, input);
    if (!product) return { ok: false, code: "notFound" };
    if (!canEditStock(product.listingStatus as ListingStatus)) return { ok: false, code: "archived" };
    // Read after the lock: an order placed or cancelled before it committed is counted, one after it waits.
    const reserved = await reservedUnits(tx, product.id);
    const plan = planAdjustment(input.reason, input.units, { stock: product.stock, reserved });
    if (!plan.ok) {
      const { ok: _ok, ...refusal } = plan;
      return { ok: false, code: "refused", ...refusal };
    }
    // Conditional on the stock read under the lock, and never below zero: a second guard, should the lock ever go.
    const written = await tx.product.updateMany({ where: { id: product.id, stock: product.stock }, data: { stock: plan.stockAfter } });
    if (written.count !== 1 || plan.stockAfter < 0) throw new Error(`stock of ${product.id} changed under its lock`);
    const movement = await tx.stockMovement.create({
      data: { productId: product.id, reason: input.reason, delta: plan.delta, stockAfter: plan.stockAfter, reserved, note: input.note, actorId: input.actorId },
      select: { id: true },
    });
    await audit(tx, {
      action: "product.stock-adjusted",
      actorId: input.actorId,
      entityType: "Product",
      entityId: product.id,
      metadata: { movementId: movement.id, reason: input.reason, units: input.units, delta: plan.delta, stockBefore: product.stock, stockAfter: plan.stockAfter, reserved },
    });
    return { ok: true, movementId: movement.id, delta: plan.delta, stockAfter: plan.stockAfter, reserved };
  }, TX);
}

export type SetThresholdResult = { ok: true; threshold: number } | { ok: false; code: "notFound" | "archived" | "outOfRange" };

/** The level at or below which the product is on the cooperative's low-stock list (0–100,000). */
export async function setLowStockThreshold(db: Db, input: StockTarget & { threshold: number; actorId: string }): Promise<SetThresholdResult> {
  if (!Number.isSafeInteger(input.threshold) || input.threshold < 0 || input.threshold > MAX_LOW_STOCK_THRESHOLD) return { ok: false, code: "outOfRange" };
  return db.$transaction(async (tx): Promise<SetThresholdResult> => {
    const product = await lockProduct(tx, input);
    if (!product) return { ok: false, code: "notFound" };
    if (!canEditStock(product.listingStatus as ListingStatus)) return { ok: false, code: "archived" };
    const before = await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: { lowStockThreshold: true } });
    if (before.lowStockThreshold === input.threshold) return { ok: true, threshold: input.threshold };
    await tx.product.update({ where: { id: product.id }, data: { lowStockThreshold: input.threshold } });
    await audit(tx, {
      action: "product.updated",
      actorId: input.actorId,
      entityType: "Product",
      entityId: product.id,
      metadata: { lowStockThreshold: { from: before.lowStockThreshold, to: input.threshold } },
    });
    return { ok: true, threshold: input.threshold };
  }, TX);
}

/** How many movements the stock page shows (newest first). */
export const MOVEMENT_PAGE = 100;

/**
 * The stock page of one product of the caller's cooperatives: the stock on sale, the units unpaid orders hold,
 * the threshold and the newest movements. Null for a product outside the caller's cooperatives.
 */
export async function getStockOverview(db: Db, { cooperativeIds, productId }: { cooperativeIds: readonly string[]; productId: string }) {
  const product = await db.product.findFirst({
    where: { id: productId, cooperativeId: { in: [...cooperativeIds] } },
    select: { id: true, cooperativeId: true, nameZh: true, nameEn: true, unitZh: true, unitEn: true, stock: true, lowStockThreshold: true, listingStatus: true },
  });
  if (!product) return null;
  const [reserved, movements] = await Promise.all([
    reservedUnits(db, product.id),
    db.stockMovement.findMany({
      where: { productId: product.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MOVEMENT_PAGE,
      select: { id: true, reason: true, delta: true, stockAfter: true, reserved: true, note: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return { product, reserved, movements };
}

export type StockOverview = NonNullable<Awaited<ReturnType<typeof getStockOverview>>>;

const lowWhere = (cooperativeId: string, db: Db) =>
  ({ cooperativeId, listingStatus: { not: "ARCHIVED" }, stock: { lte: db.product.fields.lowStockThreshold } }) satisfies Prisma.ProductWhereInput;
const LOW_SELECT = { id: true, nameZh: true, nameEn: true, unitZh: true, unitEn: true, stock: true, lowStockThreshold: true, listingStatus: true } as const;

/** The units unpaid orders hold, per product. */
async function withReserved<P extends { id: string }>(db: Db, products: P[]) {
  const held = await db.stockReservation.groupBy({ by: ["productId"], where: { productId: { in: products.map((p) => p.id) }, status: "ACTIVE" }, _sum: { quantity: true } });
  const reservedOf = new Map(held.map((h) => [h.productId, h._sum.quantity ?? 0]));
  return products.map((p) => ({ ...p, reserved: reservedOf.get(p.id) ?? 0 }));
}

/** The products of one of the caller's cooperatives at or below their low-stock threshold (archived ones aside). */
export async function listLowStock(db: Db, scope: OneCoopScope) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return [];
  const products = await db.product.findMany({ where: lowWhere(scope.cooperativeId, db), orderBy: [{ stock: "asc" }, { nameZh: "asc" }], select: LOW_SELECT });
  return withReserved(db, products);
}

/** The low-stock page's sorts: the emptiest first by default; by name or by alert level. */
export const LOW_STOCK_LIST = { sorts: ["stock", "name", "threshold"], dirs: { stock: "asc", name: "asc" }, pageSize: 25 } as const satisfies ListSpec<string>;
export type LowStockSort = (typeof LOW_STOCK_LIST.sorts)[number];
export const parseLowStockListQuery = (params: SearchParams): ListQuery<LowStockSort> => parseListQuery(params, LOW_STOCK_LIST);

/** One page of the cooperative's low-stock products, sorted in the database; null outside the caller's scope. */
export async function listLowStockPage(db: Db, scope: OneCoopScope, query: ListQuery<LowStockSort>) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  const where = lowWhere(scope.cooperativeId, db);
  const first: Prisma.ProductOrderByWithRelationInput = query.sort === "name" ? { nameZh: query.dir } : query.sort === "threshold" ? { lowStockThreshold: query.dir } : { stock: query.dir };
  const [total, products] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, orderBy: [first, { nameZh: "asc" }, { id: "asc" }], ...pageWindow(query.page, LOW_STOCK_LIST.pageSize), select: LOW_SELECT }),
  ]);
  return { total, pages: pageCount(total, LOW_STOCK_LIST.pageSize), rows: await withReserved(db, products) };
}

/** The manager-facing sentence for a refused adjustment (says how many units unpaid orders hold, where it matters). */
export function stockRefusalMessage(t: Translate, refusal: AdjustmentRefusal): string {
  switch (refusal.reason) {
    case "damageAboveStock":
      return t("stock.refusal.damageAboveStock", { stock: refusal.stock, reserved: refusal.reserved });
    case "countBelowReserved":
      return t("stock.refusal.countBelowReserved", { reserved: refusal.reserved });
    case "tooMuchStock":
      return t("stock.refusal.tooMuchStock", { max: refusal.max });
    case "zeroUnits":
      return t("stock.refusal.zeroUnits");
    case "invalidUnits":
      return t("stock.units.notWholeNumber");
  }
}
