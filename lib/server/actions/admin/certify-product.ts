"use server";
import { revalidatePath } from "next/cache";
import { named } from "@/components/coop/dates";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { approveProduct, outcomeRefusal } from "@/lib/server/listings/certification";
import { listingsChanged, productsChanged } from "@/lib/server/queries/catalog-cached";
import { certifySchema } from "@/lib/validation/certification";
import { roleAction } from "../chain";

/**
 * An admin certifies a product in review (扶贫产品认定): certificate number and validity, then on sale. A number
 * another product holds is refused on its field, with what was typed kept; a product another admin decided
 * meanwhile is refused on its row ("already decided"), nothing written.
 */
export const certifyProductAction = roleAction(["ADMIN"], certifySchema, async (input, { actor, t }) => {
  const values = { productId: input.productId, certificateNumber: input.certificateNumber, validFrom: input.validFrom, validUntil: input.validUntil };
  const outcome = await approveProduct(db, actor, input);
  if (outcome.kind === "duplicateCertificate") {
    const message = t("certification.errors.duplicateNumber");
    return { ok: false, status: 409, message, fieldErrors: { certificateNumber: message }, values };
  }
  if (outcome.kind !== "done") return { ...outcomeRefusal(outcome, t), values };
  listingsChanged();
  productsChanged([outcome.product.id]);
  revalidatePath("/admin/certifications");
  revalidatePath(`/coop/products/${outcome.product.id}`);
  const vars = { name: named(outcome.product, await getLocale()), number: input.certificateNumber };
  const key = !outcome.cooperativeCertified ? "certifiedCoopPending" : outcome.sellable ? "certified" : "certifiedNotYet";
  return { ok: true, status: 200, message: t(`certification.done.${key}`, vars), values: { productId: input.productId } };
});
