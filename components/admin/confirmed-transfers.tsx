import { useFormatter, useTranslations } from "next-intl";
import type { Column } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import type { listRecentlyConfirmedTransfers } from "@/lib/server/queries/orders";
import { RecentTable, whenByColumn } from "./recent-table";

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
    whenByColumn<Confirmed>({ key: "confirmed", whenLabel: t("confirmedAt"), byLabel: t("confirmedBy"), when: (c) => c.confirmedAt, by: (c) => c.confirmedBy, format }),
  ];
  return (
    <RecentTable
      id="confirmed-transfers"
      title={t("confirmedTitle")}
      empty={t("confirmedEmpty")}
      caption={t("confirmedCaption", { count: transfers.length })}
      columns={columns}
      rows={transfers}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ "data-testid": "confirmed-transfer", "data-order-number": c.orderNumber })}
      minWidth="20rem"
      testId="confirmed-transfers"
    />
  );
}
