"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { RENDITION_WIDTHS, renditionKey } from "@/lib/domain/photo-rules";
import { translateDynamic } from "@/lib/i18n/translate";
import { getLocale } from "@/lib/server/i18n";
import { db } from "@/lib/server/db";
import { deleteProduct } from "@/lib/server/listings/products";
import { log } from "@/lib/server/log";
import { getStorage } from "@/lib/server/storage";
import { deleteProductSchema } from "@/lib/validation/product";
import { cooperativeAction } from "../chain";

/**
 * A manager deletes a draft or rejected product nobody ordered (with its photos, batches and weights); any
 * other is refused with "archive instead". A draft was never in the catalog, so no cache changes.
 */
export const deleteProductAction = cooperativeAction(deleteProductSchema, async (input, { actor, t }) => {
  if (input.confirm !== "on") return { ok: false, status: 400, message: t("productEditor.errors.confirmDelete"), fieldErrors: { confirm: t("productEditor.errors.confirmDelete") } };
  const deleted = await deleteProduct(db, actor, input);
  if (!deleted.ok) return { ok: false, status: deleted.status, message: translateDynamic(await getLocale(), deleted.message) };
  if (deleted.storageKeys.length > 0) {
    // The rows went with the product (committed); now its photos' files. A file that cannot be removed is only
    // an orphan (no row names it, nothing serves it): logged, and the deletion stands.
    const storage = getStorage();
    const keys = deleted.storageKeys.flatMap((k) => RENDITION_WIDTHS.map((w) => renditionKey(k, w)));
    const failed = (await Promise.allSettled(keys.map((k) => storage.delete(k)))).filter((r) => r.status === "rejected");
    if (failed.length > 0) log.warn({ productId: deleted.productId, failed: failed.length }, "photo files left behind after a product was deleted");
  }
  revalidatePath("/coop", "layout");
  redirect("/coop/products");
});
