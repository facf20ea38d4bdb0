import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { beijingDay } from "@/components/coop/dates";
import { Notice, Section } from "@/components/ui/section";

export interface BatchRow {
  id: string;
  lotNumber: string;
  traceCode: string;
  productionDay: string;
  quantity: number;
  noteZh: string;
  noteEn: string;
  traceUrl: string;
  qr: string;
}

/** The product's batches, each with its origin page, its QR code and a link to its printable labels. */
export function BatchList({ productId, batches }: { productId: string; batches: BatchRow[] }) {
  const t = useTranslations("batches");
  const format = useFormatter();
  const locale = useLocale();
  if (batches.length === 0) return <Notice>{t("empty")}</Notice>;
  return (
    <ul className="space-y-3" data-testid="batch-list">
      {batches.map((b) => {
        const note = locale === "en" ? b.noteEn || b.noteZh : b.noteZh || b.noteEn;
        return (
          <Section key={b.id} as="li" data={{ "data-lot": b.lotNumber, "data-trace-code": b.traceCode }}>
            <div className="flex gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL drawn on the server; next/image adds nothing */}
              <img src={b.qr} alt={t("qrAlt", { lot: b.lotNumber })} width={96} height={96} className="size-24 shrink-0" />
              <div className="min-w-0 space-y-1 text-sm">
                <p className="text-base font-semibold break-all">{b.lotNumber}</p>
                <p>
                  {format.dateTime(beijingDay(b.productionDay), "day")} · {t("quantityValue", { count: b.quantity })}
                </p>
                {note && <p className="text-earth-600">{note}</p>}
                <p className="flex flex-wrap gap-x-4 gap-y-1">
                  <a href={b.traceUrl} className="font-medium text-wine-700 underline" target="_blank" rel="noopener">
                    {t("trace")}
                  </a>
                  <Link href={`/coop/products/${productId}/batches/${b.id}/labels`} className="font-medium text-wine-700 underline">
                    {t("labels")}
                  </Link>
                </p>
              </div>
            </div>
          </Section>
        );
      })}
    </ul>
  );
}
