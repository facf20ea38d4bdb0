import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LabelPrintButton } from "@/components/coop/label-print-button";
import { LABELS_PER_PAGE, LabelSheet } from "@/components/coop/label-sheet";
import { named } from "@/components/coop/dates";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { getBatchLabel } from "@/lib/server/listings/batches";
import { qrDataUrl, traceUrl } from "@/lib/server/listings/trace-qr";

type Props = { params: Promise<{ id: string; batchId: string }>; searchParams: Promise<{ n?: string | string[] }> };

const MAX_LABELS = LABELS_PER_PAGE * 10;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("batches.labels"), robots: { index: false } };
}

/** How many labels to print: whole numbers 1–210, one sheet by default. */
function labelCount(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, MAX_LABELS) : LABELS_PER_PAGE;
}

/** A printable A4 sheet of a batch's labels, each with the QR code of its public origin page. */
export default async function BatchLabelsPage({ params, searchParams }: Props) {
  const [{ id, batchId }, { n }] = await Promise.all([params, searchParams]);
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}/batches/${batchId}/labels`);
  const batch = await getBatchLabel(db, { cooperativeIds: user.cooperativeIds, productId: id, batchId });
  if (!batch) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const url = traceUrl(batch.traceCode);
  const count = labelCount(n);
  const facts = {
    nameZh: batch.product.nameZh,
    nameEn: batch.product.nameEn,
    lotNumber: batch.lotNumber,
    productionDay: batch.productionDate.toISOString().slice(0, 10),
    cooperative: named(batch.product.cooperative, locale),
    village: named(batch.product.originVillage, locale),
    traceUrl: url,
    qr: await qrDataUrl(url),
  };
  return (
    <div className="space-y-4">
      <div className="space-y-4 print:hidden">
        <PageHeader title={t("labels.title", { lot: batch.lotNumber })} subtitle={named(batch.product, locale)} lead={t("labels.lead")} />
        <div className="flex flex-wrap items-end gap-3">
          <form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="label-count" className="text-sm font-medium">
                {t("labels.count")}
              </label>
              <input id="label-count" name="n" type="number" min={1} max={MAX_LABELS} defaultValue={count} inputMode="numeric" className="mt-1 block w-24 rounded-lg border border-earth-600/40 bg-white px-3 py-2" />
            </div>
            <button type="submit" className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100">
              {t("labels.update")}
            </button>
          </form>
          <LabelPrintButton label={t("labels.print")} />
          <Link href={`/coop/products/${id}/batches`} className="py-2 text-sm text-wine-700 underline">
            {t("labels.back")}
          </Link>
        </div>
        <p className="text-sm break-all text-earth-600">{url}</p>
      </div>
      <LabelSheet facts={facts} count={count} />
    </div>
  );
}
