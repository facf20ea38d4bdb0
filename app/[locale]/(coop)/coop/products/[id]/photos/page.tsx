import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { PhotoList } from "@/components/coop/photo-list";
import { PhotoUploader } from "@/components/coop/photo-uploader";
import { ProductSubnav } from "@/components/coop/product-subnav";
import { Notice, PageHeader } from "@/components/ui/section";
import { canEditStock } from "@/lib/domain/listing";
import { PHOTO_LIMITS } from "@/lib/domain/photo-rules";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listProductPhotos } from "@/lib/server/images/photos";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("photos.title"), robots: { index: false } };
}

/** A product's photos, as its cooperative's manager uploads, orders, describes and deletes them. */
export default async function ProductPhotosPage({ params }: Props) {
  const { id } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}/photos`);
  // Read through the manager's cooperatives: another cooperative's product is a 404, as if it did not exist.
  const product = await listProductPhotos(db, { cooperativeIds: user.cooperativeIds }, id);
  if (!product) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const count = product.images.length;
  return (
    <div className="space-y-4">
      <PageHeader title={t("photos.title")} subtitle={named(product, locale)} lead={t("photos.intro")} />
      <ProductSubnav productId={product.id} current="photos" />
      <p className="text-sm text-earth-600">{t("photos.count", { count, max: PHOTO_LIMITS.perProduct })}</p>
      {!canEditStock(product.listingStatus) ? (
        <Notice>{t("photos.errors.archived")}</Notice>
      ) : count >= PHOTO_LIMITS.perProduct ? (
        <Notice>{t("photos.full", { max: PHOTO_LIMITS.perProduct })}</Notice>
      ) : (
        <section aria-labelledby="upload-title" className="space-y-2">
          <h2 id="upload-title" className="text-lg font-semibold">
            {t("photos.upload.title")}
          </h2>
          <PhotoUploader cooperativeId={product.cooperativeId} productId={product.id} />
        </section>
      )}
      {count === 0 ? <Notice>{t("photos.empty")}</Notice> : <PhotoList cooperativeId={product.cooperativeId} productId={product.id} photos={product.images} />}
    </div>
  );
}
