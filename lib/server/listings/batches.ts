import "server-only";
// Production batches (lots) of a product, scoped to the caller's cooperative. Each gets a trace code for its
// public origin page (/trace/<code>, printed as a QR code on the labels). A batch may also be booked as stock
// received, in the same transaction, under the same row lock as every other stock change (./stock.ts).
import { HOT_ROW_TRANSACTION, type Db } from "@/lib/db/client";
import { canEditStock, type ListingStatus } from "@/lib/domain/listing";
import { planAdjustment, type AdjustmentRefusal } from "@/lib/domain/stock";
import { newTraceCode } from "@/lib/domain/trace-code";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";
import { lockScopedProduct, reservedUnits } from "./stock";

export interface CreateBatchInput {
  scope: OneCoopScope;
  productId: string;
  /** Normalised by lib/domain/batch.ts normalizeLotNumber. */
  lotNumber: string;
  /** A checked Beijing calendar day (lib/domain/batch.ts parseProductionDate), as YYYY-MM-DD. */
  productionDay: string;
  quantity: number;
  noteZh: string;
  noteEn: string;
  /** Also book the batch's quantity as stock received (a RECEIVED movement). */
  receive: boolean;
  actorId: string;
}

export type CreateBatchResult =
  | { ok: true; batchId: string; traceCode: string; stockAfter: number | null }
  | { ok: false; code: "notFound" | "archived" | "duplicateLot" }
  | ({ ok: false; code: "refused" } & AdjustmentRefusal);

/** A refusal that must roll the transaction back (nothing written) and reach the caller as a result. */
class Refusal extends Error {
  constructor(readonly result: Exclude<CreateBatchResult, { ok: true }>) {
    super(result.code);
  }
}

const isUniqueViolation = (error: unknown, field: string): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes(field);

const TRACE_CODE_ATTEMPTS = 5;

export async function createBatch(db: Db, input: CreateBatchInput, codes: () => string = () => newTraceCode()): Promise<CreateBatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce(db, input, codes());
    } catch (error) {
      if (error instanceof Refusal) return error.result;
      // Two lots with one number: the unique index decides (a concurrent create included).
      if (isUniqueViolation(error, "lotNumber")) return { ok: false, code: "duplicateLot" };
      // About 49 bits per code: a clash is rare, and another draw settles it.
      if (isUniqueViolation(error, "traceCode") && attempt < TRACE_CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function createOnce(db: Db, input: CreateBatchInput, traceCode: string): Promise<CreateBatchResult> {
  return db.$transaction(
    async (tx) => {
      const product = await lockScopedProduct(tx, input);
      if (!product) throw new Refusal({ ok: false, code: "notFound" });
      if (!canEditStock(product.listingStatus as ListingStatus)) throw new Refusal({ ok: false, code: "archived" });
      const taken = await tx.batch.findUnique({ where: { productId_lotNumber: { productId: product.id, lotNumber: input.lotNumber } }, select: { id: true } });
      if (taken) throw new Refusal({ ok: false, code: "duplicateLot" });
      const batch = await tx.batch.create({
        data: {
          productId: product.id,
          lotNumber: input.lotNumber,
          traceCode,
          productionDate: new Date(`${input.productionDay}T00:00:00.000Z`),
          quantity: input.quantity,
          noteZh: input.noteZh,
          noteEn: input.noteEn,
        },
        select: { id: true },
      });
      let stockAfter: number | null = null;
      let movementId: string | null = null;
      if (input.receive) {
        const reserved = await reservedUnits(tx, product.id);
        const plan = planAdjustment("RECEIVED", input.quantity, { stock: product.stock, reserved });
        if (!plan.ok) {
          const { ok: _ok, ...refusal } = plan;
          throw new Refusal({ ok: false, code: "refused", ...refusal });
        }
        await tx.product.update({ where: { id: product.id }, data: { stock: plan.stockAfter } });
        const movement = await tx.stockMovement.create({
          data: { productId: product.id, reason: "RECEIVED", delta: plan.delta, stockAfter: plan.stockAfter, reserved, note: input.lotNumber, actorId: input.actorId },
          select: { id: true },
        });
        stockAfter = plan.stockAfter;
        movementId = movement.id;
        await audit(tx, {
          action: "product.stock-adjusted",
          actorId: input.actorId,
          entityType: "Product",
          entityId: product.id,
          metadata: { movementId, reason: "RECEIVED", units: input.quantity, delta: plan.delta, stockBefore: product.stock, stockAfter, reserved, batchId: batch.id },
        });
      }
      await audit(tx, {
        action: "product.batch-created",
        actorId: input.actorId,
        entityType: "Product",
        entityId: product.id,
        metadata: { batchId: batch.id, lotNumber: input.lotNumber, productionDate: input.productionDay, quantity: input.quantity, received: input.receive, movementId },
      });
      return { ok: true as const, batchId: batch.id, traceCode, stockAfter };
    },
    { ...HOT_ROW_TRANSACTION, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

/** The batches of one product of the caller's cooperatives, newest production first; null for another's product. */
export async function listBatches(db: Db, { cooperativeIds, productId }: { cooperativeIds: readonly string[]; productId: string }) {
  const product = await db.product.findFirst({
    where: { id: productId, cooperativeId: { in: [...cooperativeIds] } },
    select: { id: true, cooperativeId: true, nameZh: true, nameEn: true, listingStatus: true, certifiedAt: true, certificateNumber: true },
  });
  if (!product) return null;
  const batches = await db.batch.findMany({
    where: { productId: product.id },
    orderBy: [{ productionDate: "desc" }, { createdAt: "desc" }],
    select: { id: true, lotNumber: true, traceCode: true, productionDate: true, quantity: true, noteZh: true, noteEn: true, createdAt: true },
  });
  return { product, batches };
}

/** One batch with what its labels print; null when the batch is not of this product of the caller's cooperatives. */
export async function getBatchLabel(db: Db, { cooperativeIds, productId, batchId }: { cooperativeIds: readonly string[]; productId: string; batchId: string }) {
  return db.batch.findFirst({
    where: { id: batchId, productId, product: { cooperativeId: { in: [...cooperativeIds] } } },
    select: {
      id: true,
      lotNumber: true,
      traceCode: true,
      productionDate: true,
      quantity: true,
      product: {
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          specZh: true,
          specEn: true,
          cooperative: { select: { nameZh: true, nameEn: true } },
          originVillage: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
}
