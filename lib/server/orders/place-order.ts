import "server-only";
// Placing an order: one transaction that checks the cart is what the buyer saw, takes the stock with
// conditional decrements (a unit can be taken once, stock never goes below zero), and writes the order with
// its item snapshots, one shipment per cooperative, the reservations and a pending payment.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isSellable, SELLABLE_SELECT } from "@/lib/domain/catalog";
import { cartFingerprint, MAX_QUANTITY_PER_LINE, orderNumber, orderTotals, RESERVATION_MS, transferReference, type CooperativeTerms } from "@/lib/domain/checkout";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/server/notify";
import { cancelPendingOrder } from "@/lib/server/orders/lifecycle";

export interface PlaceOrderInput {
  userId: string;
  method: "STRIPE" | "BANK_TRANSFER";
  address: { recipient: string; phone: string; district: string; street: string };
  note: string;
  institution: { unitName: string; invoiceTitle: string; taxId: string } | null;
  /** The cart the buyer reviewed (see cartFingerprint); a different cart now means it changed in another tab. */
  fingerprint: string;
}

export type PlaceOrderResult =
  | { ok: true; orderId: string; number: string; totalFen: number; reservedUntil: Date }
  | { ok: false; code: "emptyCart" | "cartChanged" }
  | { ok: false; code: "soldOut" | "unavailable"; productName: { zh: string; en: string } };

class Refusal extends Error {
  constructor(readonly result: Exclude<PlaceOrderResult, { ok: true }>) {
    super(result.code);
  }
}

export async function placeOrder(db: Db, input: PlaceOrderInput, now = new Date()): Promise<PlaceOrderResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        // The cart's row lock: a double submit (two tabs, a double click) waits here and then finds the cart
        // already turned into the first order, so it cannot place the same cart twice.
        await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "userId" = ${input.userId} FOR UPDATE`;
        const cart = await tx.cart.findUnique({
          where: { userId: input.userId },
          select: {
            id: true,
            items: {
              // The cart's order, kept by the order's lines, so a cart given back (below) reads as it did.
              orderBy: { addedAt: "asc" },
              select: {
                quantity: true,
                product: {
                  select: {
                    id: true,
                    nameZh: true,
                    nameEn: true,
                    priceFen: true,
                    ...SELLABLE_SELECT,
                    categoryId: true,
                    originVillageId: true,
                    benefitRuleType: true,
                    benefitBasisPoints: true,
                    benefitFenPerUnit: true,
                    beneficiaries: { select: { householdId: true, weight: true }, orderBy: { householdId: "asc" } },
                    cooperative: { select: { id: true, status: true, shippingFeeFen: true, freeShippingMinFen: true } },
                  },
                },
              },
            },
          },
        });
        const items = cart?.items ?? [];
        if (!cart || items.length === 0) throw new Refusal({ ok: false, code: "emptyCart" });
        if (cartFingerprint(items.map((i) => ({ productId: i.product.id, quantity: i.quantity }))) !== input.fingerprint) {
          throw new Refusal({ ok: false, code: "cartChanged" });
        }
        for (const { product } of items) {
          if (!isSellable(product)) throw new Refusal({ ok: false, code: "unavailable", productName: { zh: product.nameZh, en: product.nameEn } });
        }
        // Take the stock, in a fixed order so concurrent orders cannot deadlock on each other's rows.
        for (const { product, quantity } of [...items].sort((a, b) => (a.product.id < b.product.id ? -1 : 1))) {
          const taken = await tx.product.updateMany({ where: { id: product.id, stock: { gte: quantity } }, data: { stock: { decrement: quantity } } });
          if (taken.count !== 1) throw new Refusal({ ok: false, code: "soldOut", productName: { zh: product.nameZh, en: product.nameEn } });
        }

        const terms = new Map<string, CooperativeTerms>(items.map((i) => [i.product.cooperative.id, i.product.cooperative]));
        const totals = orderTotals(
          items.map((i) => ({ productId: i.product.id, cooperativeId: i.product.cooperative.id, unitPriceFen: i.product.priceFen, quantity: i.quantity })),
          terms,
        );
        const reservedUntil = new Date(now.getTime() + RESERVATION_MS[input.method]);
        const order = await tx.order.create({
          data: {
            number: orderNumber(now, randomBytes),
            buyerId: input.userId,
            paymentMethod: input.method,
            buyerType: input.institution ? "INSTITUTION" : "INDIVIDUAL",
            itemsFen: totals.itemsFen,
            shippingFen: totals.shippingFen,
            discountFen: totals.discountFen,
            totalFen: totals.totalFen,
            ...input.address,
            note: input.note,
            unitName: input.institution?.unitName ?? null,
            invoiceTitle: input.institution?.invoiceTitle ?? null,
            taxId: input.institution?.taxId ?? null,
            transferReference: input.method === "BANK_TRANSFER" ? transferReference(randomBytes) : null,
            reservedUntil,
            placedAt: now,
            shipments: { create: totals.shipments.map((s) => ({ cooperativeId: s.cooperativeId, shippingFen: s.shippingFen })) },
            reservations: { create: items.map((i) => ({ productId: i.product.id, quantity: i.quantity, expiresAt: reservedUntil })) },
            payments: { create: { method: input.method, amountFen: totals.totalFen } },
          },
          select: { id: true, number: true, shipments: { select: { id: true, cooperativeId: true } } },
        });
        const shipmentOf = new Map(order.shipments.map((s) => [s.cooperativeId, s.id]));
        await tx.orderItem.createMany({
          data: items.map(({ product: p, quantity }) => ({
            orderId: order.id,
            productId: p.id,
            cooperativeId: p.cooperative.id,
            shipmentId: shipmentOf.get(p.cooperative.id) ?? null,
            categoryId: p.categoryId,
            originVillageId: p.originVillageId,
            nameZh: p.nameZh,
            nameEn: p.nameEn,
            unitPriceFen: p.priceFen,
            quantity,
            lineTotalFen: p.priceFen * quantity,
            benefitRuleType: p.benefitRuleType,
            benefitBasisPoints: p.benefitBasisPoints,
            benefitFenPerUnit: p.benefitFenPerUnit,
            beneficiaries: p.beneficiaries,
          })),
        });
        await tx.cartItem.deleteMany({ where: { cartId: cart.id } });
        await notify(tx, { type: "orderPlaced", orderId: order.id });
        return { ok: true as const, orderId: order.id, number: order.number, totalFen: totals.totalFen, reservedUntil };
      },
      // Many buyers may race for the last units: wait for a connection rather than fail.
      { maxWait: 30_000, timeout: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
    );
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/**
 * A Stripe order whose Checkout Session could not be opened (Stripe unreachable, or refusing): it is cancelled,
 * its stock given back, and its lines put back in the buyer's cart, all in one transaction, so that the buyer
 * finds the cart as it was and paying by bank transfer instead is one click. A line the buyer added again in
 * the meantime (another tab) adds up, capped at the per-line maximum. Returns false, changing nothing, when
 * the order was no longer pending.
 */
export async function cancelUnopenedStripeOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await cancelPendingOrder(tx, orderId, "paymentFailed", now))) return false;
    // To the buyer nothing happened but a message on the checkout page: the "order placed" mail, written with the
    // order a moment ago and not yet sent, is withdrawn with the "cancelled" one.
    await tx.mailMessage.deleteMany({ where: { dedupeKey: { in: [`orderPlaced:${orderId}`, `orderCancelled:${orderId}`] }, status: "PENDING", attempts: 0 } });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { buyerId: true, items: { select: { productId: true, quantity: true }, orderBy: { id: "asc" } } },
    });
    const cart = await tx.cart.upsert({
      where: { userId: order.buyerId },
      create: { userId: order.buyerId },
      update: {},
      select: { id: true, items: { select: { productId: true, quantity: true } } },
    });
    const already = new Map(cart.items.map((i) => [i.productId, i.quantity]));
    for (const [i, { productId, quantity }] of order.items.entries()) {
      const total = Math.min((already.get(productId) ?? 0) + quantity, MAX_QUANTITY_PER_LINE);
      await tx.cartItem.upsert({
        where: { cartId_productId: { cartId: cart.id, productId } },
        // One millisecond apart: the lines keep their order in the cart (read by addedAt).
        create: { cartId: cart.id, productId, quantity: total, addedAt: new Date(now.getTime() + i) },
        update: { quantity: total },
      });
    }
    return true;
  });
}
