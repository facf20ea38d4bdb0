import "server-only";
// Placing an order: one transaction that reads the buyer's cart with everything the order needs, checks it is the
// cart the buyer saw and that every product is for sale, then in one statement empties the cart under its row lock,
// takes the stock (one conditional update for every product, rows locked in id order) and writes the order with its
// item snapshots, one shipment per cooperative, the reservations, a pending payment and the "order placed" mail.
// A unit can be taken once, stock never goes below zero, and a product sold out or taken off sale meanwhile, like a
// cart changed or already ordered in another tab, rolls everything back.
// Four round trips (begin; the read; the writing statement; commit; an organisation's order takes its row's key
// share lock, and tells its approvers, before the writing statement), the product rows locked for the end of the
// third and the commit, where a three-line cart took 24, the last 16 with product rows locked (issue 14, item 5;
// tests/bench/checkout.ts). Taking the stock inside the writing statement, rather than in a statement of its own
// after it, also queues concurrent orders of the same product before their inserts instead of after: on two cores
// that halved PostgreSQL's CPU per order (docs/benchmarks.md, "checkout in one writing statement").
import { randomBytes } from "node:crypto";
import { HOT_ROW_TRANSACTION, type Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { approvalAtPlacing, type ApprovalPolicy } from "@/lib/domain/approval";
import { isSellable } from "@/lib/domain/catalog";
import { priceQuantity, storedTiers } from "@/lib/domain/price-tiers";
import {
  cartFingerprint,
  MAX_QUANTITY_PER_LINE,
  orderNumber,
  orderTotals,
  RESERVATION_MS,
  stockTakeRefusal,
  transferReference,
  type CooperativeTerms,
} from "@/lib/domain/checkout";
import { enqueueMailSql } from "@/lib/server/mail/outbox";
import { orderPlacedMailOf } from "@/lib/server/notify/order-placed";
import { cancelPendingOrder } from "@/lib/server/orders/lifecycle";
import { mailApprovers } from "@/lib/server/orgs/approvals";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertRows, retryingOrder, sellableProbe, stockTakeCtes, type SoldProductRow, type TakenRow } from "@/lib/server/orders/order-rows";

export interface PlaceOrderInput {
  userId: string;
  method: "STRIPE" | "BANK_TRANSFER";
  address: { recipient: string; phone: string; district: string; street: string };
  note: string;
  institution: { unitName: string; invoiceTitle: string; taxId: string } | null;
  /** The cart the buyer reviewed (see cartFingerprint); a different cart now means it changed in another tab. */
  fingerprint: string;
  /**
   * Bought for the buyer's organisation (its PURCHASER, checked by the caller): the order carries its id, name,
   * invoice title and tax id, and waits for an approver when above its threshold (lib/domain/approval.ts).
   */
  organisation?: OrganisationBuying | null;
}

export interface OrganisationBuying extends ApprovalPolicy {
  id: string;
  name: string;
  invoiceTitle: string;
  taxId: string;
  /** The purchaser's name as the approvers' mail gives it. */
  buyerName: string;
}

export type PlaceOrderResult =
  | { ok: true; orderId: string; number: string; totalFen: number; reservedUntil: Date; awaitingApproval: boolean }
  | { ok: false; code: "emptyCart" | "cartChanged" | "noApprover" }
  | { ok: false; code: "soldOut" | "unavailable"; productName: { zh: string; en: string } }
  | { ok: false; code: "belowMinOrder"; productName: { zh: string; en: string }; minOrder: number };

class Refusal extends Error {
  constructor(readonly result: Exclude<PlaceOrderResult, { ok: true }>) {
    super(result.code);
  }
}

/** What the order needs to know about one line of the cart: its product, cooperative, benefit rule and buyer. */
interface CartLine extends SoldProductRow {
  cartId: string;
  quantity: number;
  email: string;
  locale: string;
}

const nameOf = (l: CartLine) => ({ zh: l.nameZh, en: l.nameEn });

/**
 * One product of the writing statement: a line removed from the cart (productId, quantity) beside the product's row
 * as the stock take left it (TakenRow's columns; all null when it was short). A product in only one of the two has
 * nulls on the other side.
 */
type WrittenRow = { productId: string | null; quantity: number | null } & { [K in keyof TakenRow]: TakenRow[K] | null };

/**
 * Places the buyer's order from their cart, or says why not. `random` makes the order number and transfer reference
 * (tests pass their own); one that happens to be taken already is drawn again, and a transaction PostgreSQL rolled
 * back to break a deadlock is run again, up to three attempts in all.
 */
export async function placeOrder(db: Db, input: PlaceOrderInput, now = new Date(), random: (n: number) => Uint8Array = randomBytes): Promise<PlaceOrderResult> {
  try {
    return await retryingOrder(() => placeOnce(db, input, now, random));
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

async function placeOnce(db: Db, input: PlaceOrderInput, now: Date, random: (n: number) => Uint8Array): Promise<PlaceOrderResult> {
  return db.$transaction(
    async (tx) => {
      // The cart's lines in its order (kept by the order's lines, so a cart given back below reads as it did),
      // each with its product, cooperative and beneficiaries, and the buyer's mail address and language.
      const lines = await tx.$queryRaw<CartLine[]>`
        SELECT c."id" AS "cartId", ci."quantity", p."id", p."nameZh", p."nameEn", p."priceFen", p."priceTiers", p."minOrderQuantity", p."listingStatus"::text AS "listingStatus",
               p."certificationStatus"::text AS "certificationStatus", p."certificateValidFrom", p."certificateValidUntil",
               p."categoryId", p."originVillageId", p."benefitRuleType"::text AS "benefitRuleType", p."benefitBasisPoints", p."benefitFenPerUnit",
               COALESCE((SELECT json_agg(json_build_object('householdId', b."householdId", 'weight', b."weight") ORDER BY b."householdId")
                         FROM "ProductBeneficiary" b WHERE b."productId" = p."id"), '[]'::json) AS "beneficiaries",
               co."id" AS "cooperativeId", co."status"::text AS "cooperativeStatus", co."shippingFeeFen", co."freeShippingMinFen",
               u."email", u."locale"
        FROM "Cart" c
        JOIN "CartItem" ci ON ci."cartId" = c."id"
        JOIN "Product" p ON p."id" = ci."productId"
        JOIN "Cooperative" co ON co."id" = p."cooperativeId"
        JOIN "User" u ON u."id" = c."userId"
        WHERE c."userId" = ${input.userId}
        ORDER BY ci."addedAt", ci."id"`;
      if (lines.length === 0) throw new Refusal({ ok: false, code: "emptyCart" });
      if (cartFingerprint(lines.map((l) => ({ productId: l.id, quantity: l.quantity }))) !== input.fingerprint) {
        throw new Refusal({ ok: false, code: "cartChanged" });
      }
      for (const l of lines) {
        if (!isSellable(sellableProbe(l))) throw new Refusal({ ok: false, code: "unavailable", productName: nameOf(l) });
      }
      // Each line at its quantity's price (lib/domain/price-tiers.ts): the tier reached, never below the minimum.
      const unitPriceOf = new Map<string, number>();
      for (const l of lines) {
        const priced = priceQuantity({ listPriceFen: l.priceFen, tiers: storedTiers(l.priceTiers), minOrderQuantity: l.minOrderQuantity }, l.quantity);
        if (!priced.ok) {
          if (priced.problem.code === "belowMinOrder") throw new Refusal({ ok: false, code: "belowMinOrder", productName: nameOf(l), minOrder: priced.problem.params.minOrder });
          throw new Error(`cart line ${l.id}: quantity ${l.quantity} cannot be priced`);
        }
        unitPriceOf.set(l.id, priced.value.unitPriceFen);
      }
      const unitPrice = (l: CartLine) => unitPriceOf.get(l.id)!;

      const [{ cartId, email, locale }] = lines as [CartLine, ...CartLine[]];
      const terms = new Map<string, CooperativeTerms>(lines.map((l) => [l.cooperativeId, l]));
      const totals = orderTotals(
        lines.map((l) => ({ productId: l.id, cooperativeId: l.cooperativeId, unitPriceFen: unitPrice(l), quantity: l.quantity })),
        terms,
      );
      const organisation = input.organisation ?? null;
      // An organisation's order above its threshold holds its stock for the approval window instead.
      const { approvalStatus, reservedUntil } = organisation
        ? approvalAtPlacing(organisation, totals.totalFen, now, RESERVATION_MS[input.method])
        : { approvalStatus: "NONE" as const, reservedUntil: new Date(now.getTime() + RESERVATION_MS[input.method]) };
      const stamp = new Date();
      const orderId = newId();
      const shipments = totals.shipments.map((s) => ({ id: newId(), orderId, cooperativeId: s.cooperativeId, shippingFen: s.shippingFen }));
      const shipmentOf = new Map(shipments.map((s) => [s.cooperativeId, s.id]));
      // The rows to write, each an object keyed by its table's columns. Ids made one after another, so the lines'
      // ids keep the cart's order.
      const rows = {
        Order: {
          id: orderId,
          number: orderNumber(now, random),
          buyerId: input.userId,
          paymentMethod: input.method,
          buyerType: input.institution || organisation ? "INSTITUTION" : "INDIVIDUAL",
          itemsFen: totals.itemsFen,
          shippingFen: totals.shippingFen,
          discountFen: totals.discountFen,
          totalFen: totals.totalFen,
          ...input.address,
          note: input.note,
          unitName: organisation?.name ?? input.institution?.unitName ?? null,
          invoiceTitle: organisation?.invoiceTitle ?? input.institution?.invoiceTitle ?? null,
          taxId: organisation?.taxId ?? input.institution?.taxId ?? null,
          organisationId: organisation?.id ?? null,
          approvalStatus,
          transferReference: input.method === "BANK_TRANSFER" ? transferReference(random) : null,
          reservedUntil,
          placedAt: now,
          updatedAt: stamp,
        },
        Shipment: shipments,
        OrderItem: lines.map((l) => ({
          id: newId(),
          orderId,
          productId: l.id,
          cooperativeId: l.cooperativeId,
          shipmentId: shipmentOf.get(l.cooperativeId) ?? null,
          categoryId: l.categoryId,
          originVillageId: l.originVillageId,
          nameZh: l.nameZh,
          nameEn: l.nameEn,
          unitPriceFen: unitPrice(l),
          quantity: l.quantity,
          lineTotalFen: unitPrice(l) * l.quantity,
          benefitRuleType: l.benefitRuleType,
          benefitBasisPoints: l.benefitBasisPoints,
          benefitFenPerUnit: l.benefitFenPerUnit,
          beneficiaries: l.beneficiaries,
        })),
        StockReservation: lines.map((l) => ({ id: newId(), orderId, productId: l.id, quantity: l.quantity, expiresAt: reservedUntil, createdAt: stamp })),
        Payment: { id: newId(), orderId, method: input.method, amountFen: totals.totalFen, createdAt: stamp, updatedAt: stamp },
      };
      // The "order placed" mail, from the facts in hand rather than read back (lib/server/notify/order-placed.ts).
      const mail = orderPlacedMailOf({ ...rows.Order, buyer: { email, locale }, items: rows.OrderItem });

      if (organisation) {
        // The order's foreign key takes KEY SHARE on the organisation's row at the end of the writing statement,
        // with the product rows locked. Taken here, a member or invoice change holding that row (lib/server/orgs/
        // scope.ts lockOrganisation) is waited for before any product row is locked, not with every buyer of those
        // products waiting too.
        await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisation.id} FOR KEY SHARE`;
        // Waiting for an approver: they are told, in this transaction (an order nobody hears of would just expire).
        // An organisation with a threshold and nobody to approve would only see the order expire: refused, nothing kept.
        if (approvalStatus === "PENDING") {
          const told = await mailApprovers(tx, { id: orderId, number: rows.Order.number, totalFen: totals.totalFen, reservedUntil, buyerId: input.userId, buyerName: organisation.buyerName, organisationId: organisation.id });
          if (told === 0) throw new Refusal({ ok: false, code: "noApprover" });
        }
      }

      // The rest in one statement, the rows passed as one JSON document: the cart emptied under its row lock, the
      // stock taken (./order-rows.ts stockTakeCtes: one conditional update per product, in id order, each locking
      // its row and taking the units only if it has them), the order and everything under it, and its mail in the
      // outbox. The cart's lock comes first: a double submit (two tabs, a double click) waits there for the first,
      // then finds the cart's lines already gone with the first order, takes no stock and is refused; a line added
      // or changed in another tab since the read above is not what is removed either. Only this buyer ever waits on
      // that lock. The product rows, which every buyer of the same product queues on, stay locked for the rest of
      // this statement and the commit.
      const written = await tx.$queryRaw<WrittenRow[]>`
        WITH "rows" AS (
          SELECT ${JSON.stringify(rows)}::jsonb AS "d"
        ), "cart" AS (
          SELECT "id" FROM "Cart" WHERE "id" = ${cartId} FOR UPDATE
        ), "emptied" AS (
          DELETE FROM "CartItem" WHERE "cartId" = (SELECT "id" FROM "cart") RETURNING "productId", "quantity"
        ), ${stockTakeCtes(lines.map((l) => ({ productId: l.id, quantity: l.quantity })), stamp, Prisma.sql`EXISTS (SELECT FROM "emptied")`)}
        , "order" AS (${insertRows("Order", rows.Order)}
        ), "shipments" AS (${insertRows("Shipment", rows.Shipment)}
        ), "items" AS (${insertRows("OrderItem", rows.OrderItem)}
        ), "reservations" AS (${insertRows("StockReservation", rows.StockReservation)}
        ), "payment" AS (${insertRows("Payment", rows.Payment)}
        ), "mail" AS (${enqueueMailSql(mail, stamp)}
        )
        SELECT e."productId", e."quantity", t.*
        FROM "emptied" e FULL JOIN "taken" t ON t."id" = e."productId"`;
      const removed = cartFingerprint(written.flatMap((w) => (w.productId === null ? [] : [{ productId: w.productId, quantity: w.quantity! }])));
      if (removed !== input.fingerprint) throw new Refusal({ ok: false, code: removed === "" ? "emptyCart" : "cartChanged" });
      const refused = stockTakeRefusal(
        lines.map((l) => l.id),
        new Map(written.flatMap((w) => (w.id === null ? [] : [[w.id, isSellable(sellableProbe(w as TakenRow))] as const]))),
      );
      if (refused) {
        const line = lines.find((l) => l.id === refused.productId)!;
        throw new Refusal({ ok: false, code: refused.code, productName: nameOf(line) });
      }
      return { ok: true as const, orderId, number: rows.Order.number, totalFen: totals.totalFen, reservedUntil, awaitingApproval: approvalStatus === "PENDING" };
    },
    // Many buyers may race for the last units: wait for a connection rather than fail. The isolation is the
    // database's default, READ COMMITTED (PostgreSQL's and PGlite's; naming it would cost a statement): the
    // conditional update re-reads a row another order changed meanwhile and takes from what that one left. A
    // stricter level would refuse such an order with a serialization error, never oversell.
    HOT_ROW_TRANSACTION,
  );
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
    // The buyer's cart row is locked first, as a checkout locks it before the product rows: the cancellation below
    // locks the order's products, and a checkout from another tab, holding the cart, may be waiting for them.
    await tx.$queryRaw`SELECT c."id" FROM "Cart" c JOIN "Order" o ON o."buyerId" = c."userId" WHERE o."id" = ${orderId} FOR UPDATE OF c`;
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
