"use server";
import { revalidatePath } from "next/cache";
import { named } from "@/components/coop/dates";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { rejectProduct, outcomeRefusal } from "@/lib/server/listings/certification";
import { rejectSchema } from "@/lib/validation/certification";
import { roleAction } from "../chain";

/** An admin rejects a product in review with a reason its cooperative's manager sees (it never was on sale). */
export const rejectProductAction = roleAction(["ADMIN"], rejectSchema, async (input, { actor, t }) => {
  const values = { productId: input.productId, reason: input.reason };
  const outcome = await rejectProduct(db, actor, input);
  if (outcome.kind !== "done") return { ...outcomeRefusal(outcome, t), values };
  revalidatePath("/admin/certifications");
  revalidatePath(`/coop/products/${outcome.product.id}`);
  return { ok: true, status: 200, message: t("certification.done.rejected", { name: named(outcome.product, await getLocale()) }), values: { productId: input.productId } };
});
