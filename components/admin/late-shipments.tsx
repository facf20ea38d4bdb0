import { useFormatter, useLocale, useTranslations } from "next-intl";
import { named } from "@/components/coop/dates";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/section";
import type { LateShipment } from "@/lib/server/fulfilment/late";

type SortableHeader = { header: React.ReactNode; ariaSort?: "ascending" | "descending" };

/**
 * Shipments paid more than 48 h ago and not shipped, oldest first, with whom to call about each. `sortable` gives
 * the sortable columns' header links (the page sorts in the database).
 */
export function LateShipments({ shipments, sortable }: { shipments: LateShipment[]; sortable?: Partial<Record<"order" | "paid" | "coop", SortableHeader>> }) {
  const t = useTranslations("fulfilment");
  const format = useFormatter();
  const locale = useLocale();
  if (shipments.length === 0) return <Notice>{t("late.empty")}</Notice>;
  return (
    <DataTable
      label={t("late.label")}
      testId="late-shipments"
      rows={shipments}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ "data-order": s.orderNumber })}
      columns={[
        { key: "order", header: t("late.order"), ...sortable?.order, cell: (s) => <span className="font-mono">{s.orderNumber}</span> },
        { key: "paid", header: t("late.paidAt"), ...sortable?.paid, cell: (s) => format.dateTime(s.paidAt, "dateTime"), className: "whitespace-nowrap" },
        { key: "hours", header: t("late.hours"), numeric: true, cell: (s) => t("late.hoursValue", { hours: s.hoursLate }) },
        {
          key: "state",
          header: t("late.state"),
          cell: (s) => (
            <>
              {t(`status.${s.status}`)}
              {s.openRefund && <span className="block text-xs text-wine-700">{t("late.openRefund")}</span>}
            </>
          ),
        },
        { key: "coop", header: t("late.cooperative"), ...sortable?.coop, cell: (s) => named(s.cooperative, locale) },
        {
          key: "contact",
          header: t("late.contact"),
          cell: (s) => (
            <>
              {s.cooperative.contactPhone && (
                <a href={`tel:${s.cooperative.contactPhone}`} className="block text-wine-700 underline">
                  {s.cooperative.contactPhone}
                </a>
              )}
              {s.managers.map((m) => (
                <a key={m} href={`mailto:${m}`} className="block break-all text-wine-700 underline">
                  {m}
                </a>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}
