import "server-only";
// A product's quantity prices and minimum order quantity (issue 15), as its cooperative's manager saves them:
// read through the manager's cooperatives (another cooperative's product is not found), checked by
// lib/domain/price-tiers.ts against the product's current price, written with the audit row in one transaction
// under the product's row lock. Like the price, they apply to orders placed afterwards: an order line keeps the
// unit price it was sold at.
import type { Db } from "@/lib/db/client";
import { canEditDetails } from "@/lib/domain/listing";
import { discountedUnitPrice, minOrderProblem, storedTiers, validateTiers, type PriceTier } from "@/lib/domain/price-tiers";
import { yuan } from "@/lib/i18n/format";
import { audit } from "@/lib/server/audit";
import type { ProductActor } from "@/lib/server/listings/products";
import { tierField, type FieldProblem, type TierRow } from "@/lib/validation/price-tiers";

export interface PriceTierInput {
  cooperativeId: string;
  productId: string;
  minOrderQuantity: number;
  rows: readonly TierRow[];
}

export type PriceTierResult =
  | { ok: true; productId: string; slug: string; tiers: PriceTier[]; minOrderQuantity: number }
  | { ok: false; status: 404 | 409; message: string }
  | { ok: false; status: 400; fieldErrors: Record<string, FieldProblem> };

const P = "org.priceTiers";
// Which half of a row a domain problem is about.
const FIELD_OF = {
  tooMany: "from",
  thresholdInvalid: "from",
  duplicateThreshold: "from",
  belowMinOrder: "from",
  discountInvalid: "discount",
  discountNotIncreasing: "discount",
  noPriceGain: "discount",
} as const;

class Refused extends Error {
  constructor(readonly result: Exclude<PriceTierResult, { ok: true }>) {
    super("refused");
  }
}

/** Saves the tiers and the minimum, or says why not; a refusal writes nothing. */
export async function savePriceTiers(db: Db, actor: ProductActor, input: PriceTierInput): Promise<PriceTierResult> {
  if (!actor.cooperativeIds.includes(input.cooperativeId)) return { ok: false, status: 404, message: "errors.notFoundTitle" };
  try {
    return await db.$transaction(async (tx) => {
      const [product] = await tx.$queryRaw<
        { id: string; slug: string; priceFen: number; listingStatus: string; benefitRuleType: string; benefitFenPerUnit: number | null; priceTiers: unknown; minOrderQuantity: number }[]
      >`SELECT "id", "slug", "priceFen", "listingStatus"::text AS "listingStatus", "benefitRuleType"::text AS "benefitRuleType", "benefitFenPerUnit", "priceTiers", "minOrderQuantity"
        FROM "Product" WHERE "id" = ${input.productId} AND "cooperativeId" = ${input.cooperativeId} FOR NO KEY UPDATE`;
      if (!product) throw new Refused({ ok: false, status: 404, message: "errors.notFoundTitle" });
      // Terms of sale, like the price: frozen while in review and once archived.
      if (!canEditDetails(product.listingStatus as Parameters<typeof canEditDetails>[0])) throw new Refused({ ok: false, status: 409, message: "productEditor.errors.locked" });

      const fieldErrors: Record<string, FieldProblem> = {};
      if (minOrderProblem(input.minOrderQuantity)) fieldErrors.minOrderQuantity = { key: `${P}.minOrderInvalid` };
      const checked = validateTiers(
        input.rows.map((r) => ({ minQuantity: r.minQuantity, discountBp: r.discountBp })),
        { listPriceFen: product.priceFen, ...(fieldErrors.minOrderQuantity ? {} : { minOrderQuantity: input.minOrderQuantity }) },
      );
      if (!checked.ok) {
        for (const p of checked.problems) {
          const row = p.index === null ? undefined : input.rows[p.index];
          const field = row ? tierField(row.row, FIELD_OF[p.code]) : "form";
          fieldErrors[field] ??= { key: `${P}.problems.${p.code}`, ...(p.params ? { params: p.params } : {}) };
        }
      } else if (product.benefitRuleType === "FIXED_PER_UNIT" && product.benefitFenPerUnit !== null) {
        // A fixed benefit per unit above a tier's unit price could not be paid out of that line in full.
        for (const t of checked.tiers) {
          const price = discountedUnitPrice(product.priceFen, t.discountBp);
          const row = input.rows.find((r) => r.minQuantity === t.minQuantity)!;
          if (price < product.benefitFenPerUnit) fieldErrors[tierField(row.row, "discount")] = { key: `${P}.form.belowBenefit`, params: { price: yuan(price), benefit: yuan(product.benefitFenPerUnit) } };
        }
      }
      if (!checked.ok || Object.keys(fieldErrors).length > 0) throw new Refused({ ok: false, status: 400, fieldErrors });

      const tiers = checked.tiers;
      await tx.product.update({ where: { id: product.id }, data: { priceTiers: tiers.map((t) => ({ ...t })), minOrderQuantity: input.minOrderQuantity } });
      await audit(tx, {
        action: "product.price-tiers-saved",
        actorId: actor.id,
        entityType: "Product",
        entityId: product.id,
        metadata: {
          from: { tiers: storedTiers(product.priceTiers).map((t) => ({ ...t })), minOrderQuantity: product.minOrderQuantity },
          to: { tiers: tiers.map((t) => ({ ...t })), minOrderQuantity: input.minOrderQuantity },
        },
      });
      return { ok: true as const, productId: product.id, slug: product.slug, tiers, minOrderQuantity: input.minOrderQuantity };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
