"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canEditDetails, LISTING_STATUSES } from "@/lib/domain/listing";
import { parseProductTerms } from "@/lib/domain/product-terms";
import { translateDynamic } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { getCoopProductTerms } from "@/lib/server/queries/coop-products";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.looseObject({ cooperativeId: recordId(), productId: recordId() });

/**
 * A manager saves a product's benefit rule and its households' weights. Refused with a field message when the
 * rule could not be applied (negative percentage, fixed amount above the price, weights summing to zero) or
 * names a household that does not take part in this cooperative; nothing is written then. Past order lines keep
 * the rule they were sold under (the order items' snapshots), so the ledger's past entries never change.
 */
export const saveProductTermsAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const raw = input as Record<string, unknown>;
  const str = (k: string) => {
    const v = raw[k];
    return typeof v === "string" ? v : undefined;
  };
  // Read through the actor's scope: another cooperative's product is not found, whatever the chain checked.
  const found = await getCoopProductTerms(db, { cooperativeIds: actor.cooperativeIds, productId: input.productId });
  if (!found || found.product.cooperativeId !== input.cooperativeId) return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  const { product } = found;
  // The rule is part of what the reviewer certifies: frozen while in review, and once archived.
  if (!canEditDetails(product.listingStatus)) return { ok: false, status: 409, message: t("productEditor.errors.locked") };
  const allowed = new Set(found.households.map((h) => h.id));
  const weights: Record<string, string | undefined> = {};
  for (const key of Object.keys(raw)) {
    if (!key.startsWith("w.")) continue;
    const householdId = key.slice(2);
    if (!allowed.has(householdId)) return { ok: false, status: 400, message: t("benefit.errors.unknownHousehold") };
    weights[householdId] = str(key);
  }
  const parsed = parseProductTerms({ ruleType: str("ruleType"), percent: str("percent"), fixedYuan: str("fixedYuan"), weights }, product.priceFen);
  if (!parsed.ok) {
    const locale = await getLocale();
    const fieldErrors = Object.fromEntries(Object.entries(parsed.fieldErrors).map(([k, v]) => [k, translateDynamic(locale, v)]));
    const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>;
    return { ok: false, status: 400, message: fieldErrors.weights ?? t("validation.fixErrors"), fieldErrors, values };
  }
  const { rule, beneficiaries } = parsed;
  const saved = await db.$transaction(async (tx) => {
    // Only while still editable: a submission for review in the meantime wins, and nothing is written.
    const { count } = await tx.product.updateMany({
      where: { id: product.id, listingStatus: { in: LISTING_STATUSES.filter(canEditDetails) } },
      data: {
        benefitRuleType: rule.type,
        benefitBasisPoints: rule.type === "PERCENT_OF_REVENUE" ? rule.basisPoints : null,
        benefitFenPerUnit: rule.type === "FIXED_PER_UNIT" ? rule.fenPerUnit : null,
      },
    });
    if (count !== 1) return false;
    await tx.productBeneficiary.deleteMany({ where: { productId: product.id } });
    await tx.productBeneficiary.createMany({ data: beneficiaries.map((b) => ({ productId: product.id, householdId: b.householdId, weight: b.weight })) });
    await audit(tx, { action: "product.benefit-rule-saved", actorId: actor.id, entityType: "Product", entityId: product.id, metadata: { rule: { ...rule }, households: beneficiaries.length } });
    return true;
  });
  if (!saved) return { ok: false, status: 409, message: t("productEditor.errors.locked") };
  productsChanged([product.id]);
  revalidatePath(`/products/${product.slug}`);
  revalidatePath(`/coop/products/${product.id}`);
  return { ok: true, status: 200, message: t("coopProducts.saved") };
});
