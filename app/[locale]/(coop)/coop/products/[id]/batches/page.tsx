import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BatchForm } from "@/components/coop/batch-form";
import { BatchList } from "@/components/coop/batch-list";
import { named } from "@/components/coop/dates";
import { ProductSubnav } from "@/components/coop/product-subnav";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { beijingDayOf } from "@/lib/domain/calendar";
import { canEditStock } from "@/lib/domain/listing";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listBatches } from "@/lib/server/listings/batches";
import { qrDataUrl, traceUrl } from "@/lib/server/listings/trace-qr";
import { traceIsPublic } from "@/lib/server/queries/trace";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("batches.title"), robots: { index: false } };
}

/** A product's production batches: the form for a new one, and each one's origin page, QR code and labels. */
export default async function ProductBatchesPage({ params }: Props) {
  const { id } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}/batches`);
  const found = await listBatches(db, { cooperativeIds: user.cooperativeIds, productId: id });
  if (!found) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { product } = found;
  const batches = await Promise.all(
    found.batches.map(async (b) => {
      const url = traceUrl(b.traceCode);
      return { ...b, productionDay: b.productionDate.toISOString().slice(0, 10), traceUrl: url, qr: await qrDataUrl(url) };
    }),
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("batches.title")} subtitle={named(product, locale)} lead={t("batches.lead")} />
      <ProductSubnav productId={product.id} current="batches" />
      {!traceIsPublic(product) && <Notice>{t("batches.hidden")}</Notice>}
      {canEditStock(product.listingStatus) ? (
        <BatchForm cooperativeId={product.cooperativeId} productId={product.id} today={beijingDayOf(new Date())} />
      ) : (
        <Notice tone="bad">{t("stock.archived")}</Notice>
      )}
      <Section title={t("batches.listTitle")} className="bg-transparent p-0 shadow-none">
        <BatchList productId={product.id} batches={batches} />
      </Section>
    </div>
  );
}
