import "server-only";
// A union's gift order (工会慰问品, issue 15 item 4): a purchaser uploads the list (CSV in UTF-8/UTF-16/GBK, or XLSX),
// it is checked row by row (lib/domain/gift-list.ts) against the products on sale and the organisation's delivery
// rule, and the preview is stored (GiftList) so that it survives a reload and placing uses exactly what was shown.
// Placing is one transaction, like a cart's checkout (lib/server/orders/place-order.ts, whose pieces it shares
// through ../orders/order-rows.ts): the list row locked, the products read and priced (lib/domain/gift-order.ts),
// a clear refusal per product short of stock, then the order, one shipment per recipient and cooperative with the
// recipient's own address, an item per recipient and product, one reservation per product for the list's total,
// the pending bank-transfer payment, the "order placed" mail and the list marked placed in one statement, and the
// stock for every product taken last, in one statement of conditional updates (../orders/order-rows.ts takeStock;
// a checkout takes it inside its writing statement, but a list's thousand rows are written here before any product
// row is locked): a unit is never sold twice, and a list that cannot have all of its units gets none of them
// (nothing of it is written). Every read and write is scoped by the caller's organisation: another organisation's
// list is "not found" and nothing is written.
import { randomBytes } from "node:crypto";
import { readSheet } from "read-excel-file/universal";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { approvalAtPlacing } from "@/lib/domain/approval";
import { isSellable, sellableWhere } from "@/lib/domain/catalog";
import { orderNumber, RESERVATION_MS, stockTakeRefusal, transferReference, type CooperativeTerms } from "@/lib/domain/checkout";
import {
  checkGiftCsvBytes,
  checkGiftTable,
  GIFT_LIST_LIMITS,
  stockShortfalls,
  type GiftLine,
  type GiftListOptions,
  type GiftListRefusal,
  type GiftProduct,
  type GiftRecipient,
  type GiftRowError,
} from "@/lib/domain/gift-list";
import { giftOrderQuote, type GiftOrderProduct, type GiftOrderQuote } from "@/lib/domain/gift-order";
import { storedTiers } from "@/lib/domain/price-tiers";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GiftListStatus } from "@/lib/generated/prisma/enums";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";
import { enqueueMailSql } from "@/lib/server/mail/outbox";
import { orderPlacedMailOf } from "@/lib/server/notify/order-placed";
import { insertRows, retryingOrder, sellableProbe, takeStock, type SoldProductRow } from "@/lib/server/orders/order-rows";
import { mailApprovers } from "@/lib/server/orgs/approvals";
import { toCsv } from "@/lib/server/reports-csv";
import { districtName } from "@/lib/validation/account";
import type { OrgScope } from "./scope";

type Tx = Prisma.TransactionClient;

/** A recipient as stored: the checked row and its line in the file. */
export type StoredRecipient = GiftRecipient & { line: number };
/** A row with errors as stored: what was read, and why it is wrong. */
export interface StoredErrorRow {
  line: number;
  raw: GiftLine["raw"];
  errors: GiftRowError[];
}
/** GiftList.totals: the file's product columns, units per product over the valid rows, and the row counts. */
export interface StoredTotals {
  productIds: string[];
  units: Record<string, number>;
  validRows: number;
  errorRows: number;
}

// ─────────────────────────── Upload ───────────────────────────

/** The products a gift list may name: those on sale now, by their Chinese and English names and their slug. */
export async function giftProducts(db: Db | Tx, now = new Date()) {
  return db.product.findMany({
    where: sellableWhere(now),
    orderBy: [{ cooperativeId: "asc" }, { nameZh: "asc" }],
    select: { id: true, slug: true, nameZh: true, nameEn: true, unitZh: true, unitEn: true, priceFen: true, stock: true, cooperative: { select: { nameZh: true, nameEn: true } } },
  });
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The file checked: an XLSX workbook's first sheet, or a CSV's bytes in whatever encoding Excel or WPS wrote. */
export async function checkGiftFile(bytes: Uint8Array, fileName: string, options: GiftListOptions) {
  if (bytes.length === 0) return { ok: false as const, refusal: "empty" as GiftListRefusal };
  if (bytes.length > GIFT_LIST_LIMITS.maxBytes) return { ok: false as const, refusal: "tooLarge" as GiftListRefusal, params: { maxMb: GIFT_LIST_LIMITS.maxBytes / 1024 / 1024 } };
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx$/i.test(fileName)) {
    let table: unknown[][];
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      table = await readSheet(buffer);
    } catch {
      return { ok: false as const, refusal: "unreadable" as GiftListRefusal };
    }
    return { ...checkGiftTable(table, options), encoding: "xlsx" };
  }
  return checkGiftCsvBytes(bytes, options);
}

export type UploadOutcome = { ok: true; id: string } | { ok: false; status: 404 | 409 | 413 | 422; key: MessageKey; vars?: Record<string, string | number> };

/**
 * Checks an uploaded list and stores its preview (DRAFT). A file refused as a whole (empty, over 5 MB or 5,000
 * rows, unreadable, columns wrong) stores nothing and says why; a file with bad rows is stored, errors and all, for
 * the preview to show them.
 */
export async function uploadGiftList(db: Db, input: OrgScope & { actorId: string; fileName: string; bytes: Uint8Array }, now = new Date()): Promise<UploadOutcome> {
  const org = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { beijingOnlyDelivery: true, status: true } });
  if (!org) return { ok: false, status: 404, key: "org.errors.organisationNotFound" };
  if (org.status !== "ACTIVE") return { ok: false, status: 409, key: "org.gifts.errors.suspended" };
  const products = await giftProducts(db, now);
  const options: GiftListOptions = {
    products: products.map((p): GiftProduct => ({ id: p.id, names: [p.nameZh, p.nameEn, p.slug] })),
    beijingOnly: org.beijingOnlyDelivery,
  };
  const checked = await checkGiftFile(input.bytes, input.fileName, options);
  if (!checked.ok) {
    return { ok: false, status: checked.refusal === "tooLarge" || checked.refusal === "tooManyRows" ? 413 : 422, key: `org.giftList.refusals.${checked.refusal}`, vars: checked.params };
  }
  const recipients: StoredRecipient[] = [];
  const errors: StoredErrorRow[] = [];
  for (const l of checked.lines) {
    if (l.recipient) recipients.push({ line: l.line, ...l.recipient });
    else errors.push({ line: l.line, raw: l.raw, errors: l.errors });
  }
  const totals: StoredTotals = { productIds: checked.productIds, units: checked.totals, validRows: checked.validRows, errorRows: checked.errorRows };
  const id = await db.$transaction(async (tx) => {
    const row = await tx.giftList.create({
      data: {
        organisationId: input.organisationId,
        createdById: input.actorId,
        fileName: input.fileName.slice(0, 200),
        encoding: checked.encoding ?? "utf-8",
        rowCount: checked.lines.length,
        recipients: recipients as unknown as Prisma.InputJsonValue,
        errors: errors as unknown as Prisma.InputJsonValue,
        totals: totals as unknown as Prisma.InputJsonValue,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      action: "gift-list.uploaded",
      actorId: input.actorId,
      entityType: "GiftList",
      entityId: row.id,
      metadata: { organisationId: input.organisationId, rows: checked.lines.length, errorRows: checked.errorRows },
    });
    return row.id;
  });
  return { ok: true, id };
}

// ─────────────────────────── Reads ───────────────────────────

/** The organisation's gift lists, newest first, with the order each became (counts only: not the rows). */
export async function listGiftLists(db: Db, { organisationId }: OrgScope) {
  const rows = await db.giftList.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, fileName: true, rowCount: true, totals: true, status: true, createdAt: true, order: { select: { id: true, number: true, status: true, totalFen: true } } },
  });
  return rows.map(({ totals, ...r }) => {
    const t = totals as unknown as StoredTotals;
    return { ...r, validRows: t.validRows, errorRows: t.errorRows };
  });
}

/** What the preview shows of one product column: the product now, the list's units, and its stock. */
export interface PreviewProduct {
  id: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  cooperativeNameZh: string;
  cooperativeNameEn: string;
  listPriceFen: number;
  units: number;
  stock: number;
  sellable: boolean;
}

/**
 * One of the organisation's gift lists with what placing it would cost: the rows as checked, the products now
 * (price, stock, still on sale), and the quote (prices at the list's totals, shipping per parcel). Null for a list
 * that is not the organisation's.
 */
export async function getGiftList(db: Db, { organisationId }: OrgScope, id: string, now = new Date()) {
  const list = await db.giftList.findFirst({
    where: { id, organisationId },
    select: { id: true, fileName: true, encoding: true, rowCount: true, recipients: true, errors: true, totals: true, status: true, createdAt: true, placedAt: true, order: { select: { id: true, number: true, status: true, totalFen: true, approvalStatus: true } } },
  });
  if (!list) return null;
  const totals = list.totals as unknown as StoredTotals;
  const recipients = list.recipients as unknown as StoredRecipient[];
  const errors = list.errors as unknown as StoredErrorRow[];
  const rows = await db.product.findMany({
    where: { id: { in: totals.productIds } },
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      unitZh: true,
      unitEn: true,
      priceFen: true,
      priceTiers: true,
      minOrderQuantity: true,
      stock: true,
      listingStatus: true,
      certificationStatus: true,
      certificateValidFrom: true,
      certificateValidUntil: true,
      cooperative: { select: { id: true, status: true, nameZh: true, nameEn: true, shippingFeeFen: true, freeShippingMinFen: true } },
    },
  });
  const byId = new Map(rows.map((p) => [p.id, p]));
  const products: PreviewProduct[] = totals.productIds.flatMap((pid) => {
    const p = byId.get(pid);
    if (!p) return [];
    return [
      {
        id: p.id,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        unitZh: p.unitZh,
        unitEn: p.unitEn,
        cooperativeNameZh: p.cooperative.nameZh,
        cooperativeNameEn: p.cooperative.nameEn,
        listPriceFen: p.priceFen,
        units: totals.units[pid] ?? 0,
        stock: p.stock,
        sellable: isSellable(p, now),
      },
    ];
  });
  const quote = recipients.length > 0 && products.length === totals.productIds.length ? quoteOf(recipients, totals.productIds, rows) : null;
  const shortfalls = stockShortfalls(totals.units, Object.fromEntries(rows.map((p) => [p.id, p.stock])));
  return { ...list, totals, recipients, errors, products, quote, shortfalls };
}

export type GiftListView = NonNullable<Awaited<ReturnType<typeof getGiftList>>>;

function quoteOf(
  recipients: readonly StoredRecipient[],
  productIds: readonly string[],
  rows: readonly { id: string; priceFen: number; priceTiers: unknown; minOrderQuantity: number; cooperative: { id: string; shippingFeeFen: number; freeShippingMinFen: number } }[],
): GiftOrderQuote {
  const products = new Map<string, GiftOrderProduct>(
    rows.map((p) => [p.id, { id: p.id, cooperativeId: p.cooperative.id, listPriceFen: p.priceFen, tiers: storedTiers(p.priceTiers), minOrderQuantity: p.minOrderQuantity }]),
  );
  const terms = new Map<string, CooperativeTerms>(rows.map((p) => [p.cooperative.id, p.cooperative]));
  return giftOrderQuote(recipients, productIds, products, terms);
}

// ─────────────────────────── Place ───────────────────────────

export type PlaceGiftRefusal =
  | { code: "notFound" | "placed" | "discarded" | "hasErrors" | "suspended" | "noApprover" }
  | { code: "unavailable" | "soldOut"; product: { zh: string; en: string } }
  | { code: "belowMinOrder"; products: { zh: string; en: string; minOrder: number }[] }
  | { code: "shortfall"; products: { zh: string; en: string; wanted: number; available: number }[] };

export type PlaceGiftResult = { ok: true; orderId: string; number: string; totalFen: number; reservedUntil: Date; approvalStatus: "NONE" | "PENDING" } | ({ ok: false } & PlaceGiftRefusal);

class Refusal extends Error {
  constructor(readonly refusal: PlaceGiftRefusal) {
    super(refusal.code);
  }
}

interface ProductRow extends SoldProductRow {
  stock: number;
}

/**
 * Places a previewed, error-free gift list as one bank-transfer order of the organisation, or says why not and
 * writes nothing. `random` draws the order number and transfer reference (tests pass their own); one already taken
 * is drawn again, and a deadlock's victim is run again (retryingOrder, as for a cart's order), up to three attempts.
 */
export async function placeGiftList(db: Db, input: OrgScope & { actorId: string; giftListId: string }, now = new Date(), random: (n: number) => Uint8Array = randomBytes): Promise<PlaceGiftResult> {
  try {
    return await retryingOrder(() => placeOnce(db, input, now, random));
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, ...error.refusal };
    throw error;
  }
}

async function placeOnce(db: Db, input: OrgScope & { actorId: string; giftListId: string }, now: Date, random: (n: number) => Uint8Array): Promise<PlaceGiftResult> {
  return db.$transaction(
    async (tx) => {
      // The list, locked: a double click waits here for the first, then finds it placed. Another organisation's
      // list is not found (the organisation is in the WHERE, never taken from the list).
      const [list] = await tx.$queryRaw<{ id: string; status: GiftListStatus; recipients: StoredRecipient[]; totals: StoredTotals; errorCount: number }[]>`
        SELECT "id", "status"::text AS "status", "recipients", "totals", jsonb_array_length("errors")::int AS "errorCount"
        FROM "GiftList" WHERE "id" = ${input.giftListId} AND "organisationId" = ${input.organisationId} FOR UPDATE`;
      if (!list) throw new Refusal({ code: "notFound" });
      if (list.status === "PLACED") throw new Refusal({ code: "placed" });
      if (list.status === "DISCARDED") throw new Refusal({ code: "discarded" });
      if (list.errorCount > 0 || list.recipients.length === 0) throw new Refusal({ code: "hasErrors" });

      const [org, actor] = await Promise.all([
        tx.organisation.findUniqueOrThrow({
          where: { id: input.organisationId },
          select: { name: true, invoiceTitle: true, taxId: true, address: true, district: true, status: true, approvalThresholdFen: true, approvalWindowHours: true },
        }),
        tx.user.findUniqueOrThrow({ where: { id: input.actorId }, select: { email: true, locale: true, name: true, phone: true } }),
      ]);
      if (org.status !== "ACTIVE") throw new Refusal({ code: "suspended" });

      const ids = list.totals.productIds;
      const products = await tx.$queryRaw<ProductRow[]>`
        SELECT p."id", p."nameZh", p."nameEn", p."priceFen", p."priceTiers", p."minOrderQuantity", p."stock",
               p."listingStatus"::text AS "listingStatus", p."certificationStatus"::text AS "certificationStatus",
               p."certificateValidFrom", p."certificateValidUntil", p."categoryId", p."originVillageId",
               p."benefitRuleType"::text AS "benefitRuleType", p."benefitBasisPoints", p."benefitFenPerUnit",
               COALESCE((SELECT json_agg(json_build_object('householdId', b."householdId", 'weight', b."weight") ORDER BY b."householdId")
                         FROM "ProductBeneficiary" b WHERE b."productId" = p."id"), '[]'::json) AS "beneficiaries",
               co."id" AS "cooperativeId", co."status"::text AS "cooperativeStatus", co."shippingFeeFen", co."freeShippingMinFen"
        FROM "Product" p JOIN "Cooperative" co ON co."id" = p."cooperativeId"
        WHERE p."id" = ANY(${ids}::text[])`;
      const byId = new Map(products.map((p) => [p.id, p]));
      const nameOf = (id: string) => ({ zh: byId.get(id)?.nameZh ?? id, en: byId.get(id)?.nameEn ?? id });
      const wanted = ids.filter((id) => (list.totals.units[id] ?? 0) > 0).map((id) => ({ productId: id, quantity: list.totals.units[id]! }));
      for (const { productId } of wanted) {
        const p = byId.get(productId);
        if (!p || !isSellable(sellableProbe(p), now)) throw new Refusal({ code: "unavailable", product: nameOf(productId) });
      }
      // Every product short, each with what the list wants and what there is: the officer fixes them all at once.
      const short = stockShortfalls(list.totals.units, Object.fromEntries(products.map((p) => [p.id, p.stock])));
      if (short.length > 0) throw new Refusal({ code: "shortfall", products: short.map((s) => ({ ...nameOf(s.productId), wanted: s.wanted, available: s.available })) });

      const quote = quoteOf(
        list.recipients,
        ids,
        products.map((p) => ({ ...p, cooperative: { id: p.cooperativeId, shippingFeeFen: p.shippingFeeFen, freeShippingMinFen: p.freeShippingMinFen } })),
      );
      if (!quote.ok) throw new Refusal({ code: "belowMinOrder", products: quote.problems.map((q) => ({ ...nameOf(q.productId), minOrder: q.minOrder ?? 1 })) });

      const { approvalStatus, reservedUntil } = approvalAtPlacing(org, quote.totalFen, now, RESERVATION_MS.BANK_TRANSFER);
      const stamp = new Date();
      const orderId = newId();
      const shipments = quote.parcels.map((parcel) => {
        const r = list.recipients[parcel.recipientNo - 1]!;
        return {
          row: {
            id: newId(),
            orderId,
            cooperativeId: parcel.cooperativeId,
            shippingFen: parcel.shippingFen,
            recipientNo: parcel.recipientNo,
            recipient: r.name,
            phone: r.phone,
            // Outside Beijing (a list that allows it): the province it names, shown where a district would be.
            district: r.district ?? r.region ?? "",
            street: r.address,
          },
          parcel,
        };
      });
      const rows = {
        Order: {
          id: orderId,
          number: orderNumber(now, random),
          buyerId: input.actorId,
          paymentMethod: "BANK_TRANSFER",
          buyerType: "INSTITUTION",
          itemsFen: quote.itemsFen,
          shippingFen: quote.shippingFen,
          discountFen: 0,
          totalFen: quote.totalFen,
          // The order's own address is the organisation's: each parcel carries its recipient's.
          recipient: actor.name?.trim() || org.name,
          phone: actor.phone ?? "",
          district: org.district,
          street: org.address,
          note: "",
          unitName: org.name,
          invoiceTitle: org.invoiceTitle,
          taxId: org.taxId,
          transferReference: transferReference(random),
          reservedUntil,
          organisationId: input.organisationId,
          approvalStatus,
          placedAt: now,
          updatedAt: stamp,
        },
        Shipment: shipments.map((s) => s.row),
        OrderItem: shipments.flatMap(({ row, parcel }) =>
          parcel.lines.map((l) => {
            const p = byId.get(l.productId)!;
            return {
              id: newId(),
              orderId,
              productId: p.id,
              cooperativeId: p.cooperativeId,
              shipmentId: row.id,
              categoryId: p.categoryId,
              originVillageId: p.originVillageId,
              nameZh: p.nameZh,
              nameEn: p.nameEn,
              unitPriceFen: l.unitPriceFen,
              quantity: l.quantity,
              lineTotalFen: l.lineTotalFen,
              benefitRuleType: p.benefitRuleType,
              benefitBasisPoints: p.benefitBasisPoints,
              benefitFenPerUnit: p.benefitFenPerUnit,
              beneficiaries: p.beneficiaries,
            };
          }),
        ),
        // One reservation per product, for the list's total: what the stock statement below takes.
        StockReservation: wanted.map((w) => ({ id: newId(), orderId, productId: w.productId, quantity: w.quantity, expiresAt: reservedUntil, createdAt: stamp })),
        Payment: { id: newId(), orderId, method: "BANK_TRANSFER", amountFen: quote.totalFen, createdAt: stamp, updatedAt: stamp },
      };
      // The mail lists each product once with the list's units, not a line per recipient.
      const mail = orderPlacedMailOf({
        ...rows.Order,
        paymentMethod: "BANK_TRANSFER",
        buyer: { email: actor.email, locale: actor.locale },
        items: quote.products.map((t) => ({ nameZh: nameOf(t.productId).zh, nameEn: nameOf(t.productId).en, quantity: t.units, lineTotalFen: t.itemsFen })),
      });

      // Everything in one statement, the rows passed as one JSON document; the list marked placed with it.
      await tx.$executeRaw`
        WITH "rows" AS (
          SELECT ${JSON.stringify(rows)}::jsonb AS "d"
        ), "order" AS (${insertRows("Order", rows.Order)}
        ), "shipments" AS (${insertRows("Shipment", rows.Shipment)}
        ), "items" AS (${insertRows("OrderItem", rows.OrderItem)}
        ), "reservations" AS (${insertRows("StockReservation", rows.StockReservation)}
        ), "payment" AS (${insertRows("Payment", rows.Payment)}
        ), "mail" AS (${enqueueMailSql(mail, stamp)}
        )
        UPDATE "GiftList" SET "status" = 'PLACED', "orderId" = ${orderId}, "placedAt" = ${now}::timestamp(3) WHERE "id" = ${list.id}`;
      // Waiting for an approver: they are told in this transaction, as for a cart's order (./approvals.ts).
      // An organisation with a threshold and nobody to approve would only see its order expire: refused, nothing kept.
      if (approvalStatus === "PENDING") {
        const told = await mailApprovers(tx, { id: orderId, number: rows.Order.number, totalFen: quote.totalFen, reservedUntil, buyerId: input.actorId, buyerName: actor.name?.trim() || actor.email, organisationId: input.organisationId });
        if (told === 0) throw new Refusal({ code: "noApprover" });
      }
      await audit(tx, {
        action: "gift-list.placed",
        actorId: input.actorId,
        entityType: "GiftList",
        entityId: list.id,
        metadata: { organisationId: input.organisationId, orderId, number: rows.Order.number, recipients: list.recipients.length, parcels: shipments.length, totalFen: quote.totalFen, approvalStatus },
      });

      // Last, the stock of every product at once (../orders/order-rows.ts takeStock): all of the list's units, or
      // the whole transaction rolls back.
      const taken = await takeStock(tx, wanted, stamp);
      const refused = stockTakeRefusal(
        wanted.map((w) => w.productId),
        new Map(taken.map((r) => [r.id, isSellable(sellableProbe(r), now)])),
      );
      if (refused) throw new Refusal({ code: refused.code, product: nameOf(refused.productId) });
      return { ok: true as const, orderId, number: rows.Order.number, totalFen: quote.totalFen, reservedUntil, approvalStatus: approvalStatus === "PENDING" ? ("PENDING" as const) : ("NONE" as const) };
    },
    // As a checkout: wait for a connection rather than fail; READ COMMITTED (see place-order.ts).
    { maxWait: 30_000, timeout: 60_000 },
  );
}

// ─────────────────────────── Discard ───────────────────────────

/** Discards a draft list (it stays, marked, for the record). Not the organisation's: not found; placed: refused. */
export async function discardGiftList(db: Db, input: OrgScope & { actorId: string; giftListId: string }): Promise<{ ok: true } | { ok: false; code: "notFound" | "placed" }> {
  return db.$transaction(async (tx) => {
    const list = await tx.giftList.findFirst({ where: { id: input.giftListId, organisationId: input.organisationId }, select: { id: true, status: true } });
    if (!list) return { ok: false as const, code: "notFound" as const };
    if (list.status === "PLACED") return { ok: false as const, code: "placed" as const };
    if (list.status === "DISCARDED") return { ok: true as const };
    const changed = await tx.giftList.updateMany({ where: { id: list.id, status: "DRAFT" }, data: { status: "DISCARDED" } });
    if (changed.count === 0) return { ok: false as const, code: "placed" as const };
    await audit(tx, { action: "gift-list.discarded", actorId: input.actorId, entityType: "GiftList", entityId: list.id, metadata: { organisationId: input.organisationId } });
    return { ok: true as const };
  });
}

// ─────────────────────────── Template ───────────────────────────

/**
 * The template an officer fills in: the recipient columns and one column per product on sale (its name in the
 * reader's language, or its slug where two share a name, so that every header names one product), and an example
 * row. UTF-8 with a byte order mark, so Excel opens the Chinese text as it is (toCsv).
 */
export function giftTemplateCsv(products: readonly { slug: string; nameZh: string; nameEn: string }[], t: Translate, locale: string): string {
  const nameOf = (p: { nameZh: string; nameEn: string }) => (locale === "en" ? p.nameEn : p.nameZh);
  const count = new Map<string, number>();
  for (const p of products) count.set(nameOf(p), (count.get(nameOf(p)) ?? 0) + 1);
  const headers = products.map((p) => (count.get(nameOf(p))! > 1 ? p.slug : nameOf(p)));
  return toCsv([
    [t("org.gifts.template.name"), t("org.gifts.template.phone"), t("org.gifts.template.district"), t("org.gifts.template.address"), ...headers],
    [t("org.gifts.template.exampleName"), "13800138000", districtName("chaoyang", locale === "en" ? "en" : "zh-CN"), t("org.gifts.template.exampleAddress"), ...products.map((_, i) => (i === 0 ? 1 : ""))],
  ]);
}
