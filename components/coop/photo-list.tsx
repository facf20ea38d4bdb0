import Image from "next/image";
import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { setPhotoAltAction } from "@/lib/server/actions/coop/photo-alt";
import { PhotoControls } from "./photo-controls";

export interface ManagedPhoto {
  id: string;
  url: string;
  altZh: string;
  altEn: string;
}

/** A product's photos in order, each with its alt text, order and delete controls. Phone first: one column. */
export function PhotoList({ cooperativeId, productId, photos }: { cooperativeId: string; productId: string; photos: ManagedPhoto[] }) {
  const t = useTranslations("photos");
  return (
    <ol aria-label={t("list")} className="space-y-4" data-testid="photo-list">
      {photos.map((photo, i) => {
        const n = i + 1;
        return (
          <Section key={photo.id} as="li" testId="photo" data={{ "data-image-id": photo.id }} className="space-y-3">
            <div className="flex items-start gap-3">
              <div className="relative h-24 w-24 shrink-0 overflow-hidden rounded-lg bg-earth-100">
                <Image src={photo.url} alt="" fill sizes="96px" className="object-cover" unoptimized={photo.url.endsWith(".svg")} />
              </div>
              <p className="font-medium">
                {t("photoN", { n })}
                {i === 0 && <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-xs text-leaf-700">{t("cover")}</span>}
              </p>
            </div>
            <ActionForm action={setPhotoAltAction} submitLabel={t("saveAlt")} variant="secondary" className="space-y-3">
              <input type="hidden" name="cooperativeId" value={cooperativeId} />
              <input type="hidden" name="productId" value={productId} />
              <input type="hidden" name="imageId" value={photo.id} />
              <Field name="altZh" label={t("altZhN", { n })} defaultValue={photo.altZh} maxLength={200} hint={i === 0 ? t("altHint") : undefined} />
              <Field name="altEn" label={t("altEnN", { n })} defaultValue={photo.altEn} maxLength={200} lang="en" />
            </ActionForm>
            <PhotoControls cooperativeId={cooperativeId} productId={productId} imageId={photo.id} n={n} isFirst={i === 0} isLast={i === photos.length - 1} />
          </Section>
        );
      })}
    </ol>
  );
}
