"use server";
import { revalidatePath } from "next/cache";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { savePriceTiers } from "@/lib/server/listings/price-tiers";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { parsePriceTierForm, priceTiersSchema, type FieldProblem } from "@/lib/validation/price-tiers";
import { cooperativeAction } from "../chain";

/**
 * A manager saves a product's quantity prices ("from 50 units 5% off", up to five) and its minimum order
 * quantity. Bad rows come back as translated messages next to the row, with what was typed; nothing is written
 * then. The product's page and cards show the tiers, so its catalog cache tags are expired like any product edit.
 */
export const savePriceTiersAction = cooperativeAction(priceTiersSchema, async (input, { actor, t }) => {
  const raw = input as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const locale = await getLocale();
  const refused = (fieldErrors: Record<string, FieldProblem>) => {
    const translated = Object.fromEntries(Object.entries(fieldErrors).map(([k, p]) => [k, translateDynamic(locale, p.key, p.params)]));
    return { ok: false, status: 400, message: translated.form ?? t("validation.fixErrors"), fieldErrors: translated, values };
  };

  const form = parsePriceTierForm(raw);
  if (!form.ok) return refused(form.fieldErrors);
  const saved = await savePriceTiers(db, actor, { cooperativeId: input.cooperativeId, productId: input.productId, minOrderQuantity: form.minOrderQuantity, rows: form.rows });
  if (!saved.ok) return "fieldErrors" in saved ? refused(saved.fieldErrors) : { ok: false, status: saved.status, message: translateDynamic(locale, saved.message) };

  productsChanged([saved.productId]);
  revalidatePath(`/products/${saved.slug}`);
  revalidatePath(`/coop/products/${saved.productId}`);
  return { ok: true, status: 200, message: t("org.priceTiers.form.saved") };
});
