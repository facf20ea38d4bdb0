import "server-only";
// What the photo actions share: the answer for a refused change, and the pages to refresh after one.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import { PHOTO_LIMITS } from "@/lib/domain/photo-rules";
import type { PhotoError } from "@/lib/server/images/photos";
import { productsChanged } from "@/lib/server/queries/catalog-cached";

export function photoRefusal(t: Translate, status: number, error: PhotoError): ActionState {
  const message =
    error === "notFound"
      ? t("errors.notFoundTitle")
      : error === "tooMany"
        ? t("photos.errors.tooMany", { max: PHOTO_LIMITS.perProduct })
        : error === "storage"
          ? t("photos.errors.storage")
          : error === "archived"
            ? t("photos.errors.archived")
            : t(`photos.refusal.${error}`);
  return { ok: false, status, message };
}

/** After a committed change: the catalog's cached product and cards, and the pages showing the photos. */
export function photosChanged(productId: string, slug: string): void {
  productsChanged([productId]);
  revalidatePath(`/products/${slug}`);
  revalidatePath(`/coop/products/${productId}/photos`);
}
