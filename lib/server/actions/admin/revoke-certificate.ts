"use server";
import { revalidatePath } from "next/cache";
import { named } from "@/components/coop/dates";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { revokeCertificate, outcomeRefusal } from "@/lib/server/listings/certification";
import { listingsChanged, productsChanged } from "@/lib/server/queries/catalog-cached";
import { revokeSchema } from "@/lib/validation/certification";
import { roleAction } from "../chain";

/**
 * An admin revokes a product's certificate, with a reason: off sale at once. The cached catalog pages are expired
 * after the commit; checkout never needed it (placeOrder refuses a revoked product whatever a cart holds).
 */
export const revokeCertificateAction = roleAction(["ADMIN"], revokeSchema, async (input, { actor, t }) => {
  const values = { productId: input.productId, reason: input.reason };
  const outcome = await revokeCertificate(db, actor, input);
  if (outcome.kind !== "done") return { ...outcomeRefusal(outcome, t), values };
  listingsChanged();
  productsChanged([outcome.product.id]);
  revalidatePath("/admin/certifications");
  revalidatePath(`/coop/products/${outcome.product.id}`);
  return { ok: true, status: 200, message: t("certification.done.revoked", { name: named(outcome.product, await getLocale()) }), values: { productId: input.productId } };
});
