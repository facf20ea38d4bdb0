import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/section";
import { MOVEMENT_PAGE, type StockOverview } from "@/lib/server/listings/stock";

type Movement = StockOverview["movements"][number];

/** The product's stock movements, newest first. */
export function StockHistory({ movements }: { movements: Movement[] }) {
  const t = useTranslations("stock.history");
  const reasons = useTranslations("stock.reasons");
  const format = useFormatter();
  if (movements.length === 0) return <Notice>{t("empty")}</Notice>;
  return (
    <DataTable
      label={t("label")}
      caption={movements.length >= MOVEMENT_PAGE ? t("limited", { count: MOVEMENT_PAGE }) : undefined}
      testId="stock-history"
      rows={movements}
      rowKey={(m) => m.id}
      rowProps={(m) => ({ "data-reason": m.reason, "data-delta": m.delta })}
      columns={[
        { key: "when", header: t("when"), cell: (m) => <span className="whitespace-nowrap">{format.dateTime(m.createdAt, "dateTime")}</span> },
        { key: "reason", header: t("reason"), cell: (m) => reasons(m.reason) },
        { key: "delta", header: t("delta"), numeric: true, cell: (m) => (m.delta > 0 ? `+${m.delta}` : String(m.delta)) },
        { key: "after", header: t("after"), numeric: true, cell: (m) => m.stockAfter },
        { key: "reserved", header: t("reserved"), numeric: true, cell: (m) => m.reserved },
        { key: "note", header: t("note"), cell: (m) => m.note },
        { key: "by", header: t("by"), cell: (m) => m.actor.name ?? m.actor.email },
      ]}
    />
  );
}
