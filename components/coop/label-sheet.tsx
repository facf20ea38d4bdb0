import { useFormatter, useTranslations } from "next-intl";
import { beijingDay } from "@/components/coop/dates";

export interface LabelFacts {
  nameZh: string;
  nameEn: string;
  lotNumber: string;
  productionDay: string;
  cooperative: string;
  village: string;
  traceUrl: string;
  qr: string;
}

/** 3 × 7 labels of 63.5 × 38.1 mm per A4 page (the common L7160 / 21-up sheet). */
export const LABELS_PER_PAGE = 21;

// Print CSS: A4 with no page margin (the sheet's padding matches the label stock's margins), only the sheet is
// printed (the area's navigation is hidden), one .label-page per sheet of paper.
const CSS = `
@page { size: A4; margin: 0; }
.label-page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 15.1mm 7.2mm; display: grid;
  grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 38.1mm; column-gap: 2.5mm; background: white; color: black; }
.label { box-sizing: border-box; padding: 2mm; display: flex; gap: 1.5mm; overflow: hidden; outline: 0.2mm dashed #c9bfb4; }
@media print {
  body * { visibility: hidden; }
  .label-print, .label-print * { visibility: visible; }
  .label-print { position: absolute; left: 0; top: 0; }
  .label-page { break-after: page; }
  .label-page:last-child { break-after: auto; }
  .label { outline: none; }
  html, body { background: white; }
}`;

/** The printable sheet(s) of labels of one batch, each with its QR code to the batch's origin page. */
export function LabelSheet({ facts, count }: { facts: LabelFacts; count: number }) {
  const t = useTranslations("labels");
  const format = useFormatter();
  const pages = Array.from({ length: Math.ceil(count / LABELS_PER_PAGE) }, (_, p) => Math.min(LABELS_PER_PAGE, count - p * LABELS_PER_PAGE));
  const date = format.dateTime(beijingDay(facts.productionDay), "dayShort");
  return (
    <div className="overflow-x-auto rounded-2xl bg-earth-100 p-2 print:overflow-visible print:bg-white print:p-0" tabIndex={0} role="region" aria-label={t("sheet")}>
      <style>{CSS}</style>
      <div className="label-print space-y-2 print:space-y-0" data-testid="label-sheet" data-count={count}>
        {pages.map((n, p) => (
          <div key={p} className="label-page shadow-sm print:shadow-none">
            {Array.from({ length: n }, (_, i) => (
              <div key={i} className="label">
                <div className="flex min-w-0 flex-1 flex-col justify-between text-[7pt] leading-tight">
                  <div>
                    <p className="text-[8.5pt] font-bold">{facts.nameZh}</p>
                    <p lang="en">{facts.nameEn}</p>
                  </div>
                  <div>
                    <p className="font-semibold">{t("lot", { lot: facts.lotNumber })}</p>
                    <p>{t("produced", { date })}</p>
                    <p>{facts.cooperative}</p>
                    <p>{facts.village}</p>
                  </div>
                </div>
                <div className="flex w-[26mm] shrink-0 flex-col items-center justify-center">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server, printed at its physical size */}
                  <img src={facts.qr} alt={i === 0 && p === 0 ? facts.traceUrl : ""} className="size-[26mm]" />
                  <p className="text-center text-[5.5pt] leading-tight">{t("scan")}</p>
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
