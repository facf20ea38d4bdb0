import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { Notice } from "@/components/ui/section";
import type { listRecentlyConfirmedTransfers } from "@/lib/server/queries/orders";

type Confirmed = Awaited<ReturnType<typeof listRecentlyConfirmedTransfers>>[number];

/** The transfers admins confirmed most recently: which order, how much, when and by whom. */
export function ConfirmedTransfers({ transfers }: { transfers: Confirmed[] }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const columns: Column<Confirmed>[] = [
    {
      key: "order",
      header: t("confirmedOrder"),
      cell: (c) => (
        <>
          <span className="font-mono">{c.orderNumber}</span>
          {c.reference && <span className="block font-mono text-xs font-normal text-earth-600">{c.reference}</span>}
        </>
      ),
    },
    { key: "amount", header: t("confirmedAmount"), numeric: true, cell: (c) => <Price fen={c.amountFen} /> },
    // When and by whom in one cell, so the table fits a phone without scrolling sideways.
    {
      key: "confirmed",
      header: (
        <>
          {t("confirmedAt")}
          <span className="block text-xs font-normal text-earth-600">{t("confirmedBy")}</span>
        </>
      ),
      cell: (c) => (
        <>
          <span className="whitespace-nowrap">{c.confirmedAt ? format.dateTime(c.confirmedAt, "dateTime") : "—"}</span>
          <span className="block break-all text-xs text-earth-600">{c.confirmedBy ?? "—"}</span>
        </>
      ),
    },
  ];
  return (
    <section className="space-y-2" aria-labelledby="confirmed-transfers">
      <h2 id="confirmed-transfers" className="text-lg font-semibold">
        {t("confirmedTitle")}
      </h2>
      {transfers.length === 0 ? (
        <Notice>{t("confirmedEmpty")}</Notice>
      ) : (
        <DataTable
          label={t("confirmedTitle")}
          caption={t("confirmedCaption", { count: transfers.length })}
          columns={columns}
          rows={transfers}
          rowKey={(c) => c.id}
          rowProps={(c) => ({ "data-testid": "confirmed-transfer", "data-order-number": c.orderNumber })}
          minWidth="20rem"
          testId="confirmed-transfers"
        />
      )}
    </section>
  );
}
