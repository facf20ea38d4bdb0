import { useFormatter, useTranslations } from "next-intl";
import type { Column } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import type { listRecentlyDecidedRefunds } from "@/lib/server/queries/orders";
import { RecentTable, whenByColumn } from "./recent-table";

type Decided = Awaited<ReturnType<typeof listRecentlyDecidedRefunds>>[number];

const tone: Record<Decided["status"], string> = {
  REQUESTED: "bg-earth-100 text-earth-900",
  APPROVED: "bg-leaf-50 text-leaf-700",
  SUCCEEDED: "bg-leaf-100 text-leaf-700",
  FAILED: "bg-wine-50 text-wine-700",
  REJECTED: "bg-earth-100 text-earth-900",
};

/**
 * The refund requests admins decided most recently: which order, how much (asked for, or approved), what was
 * decided and what became of it (with Stripe, paid back, failed, rejected), when and by whom.
 */
export function DecidedRefunds({ refunds }: { refunds: Decided[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const columns: Column<Decided>[] = [
    {
      key: "order",
      header: t("admin.decidedOrder"),
      cell: (r) => (
        <>
          <span className="font-mono">{r.orderNumber}</span>
          <span className="block text-xs font-normal text-earth-600">{t(`orders.method.${r.paymentMethod}`)}</span>
        </>
      ),
    },
    // The amount and what became of it in one cell, so the table fits a phone without scrolling sideways.
    {
      key: "amount",
      header: (
        <>
          {t("admin.decidedAmount")}
          <span className="block text-xs font-normal text-earth-600">{t("admin.decidedStatus")}</span>
        </>
      ),
      numeric: true,
      cell: (r) => (
        <>
          <Price fen={r.amountFen} className="block" />
          <span className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone[r.status]}`} data-testid="decided-refund-status">
            {t(`admin.refundStatus.${r.status}`)}
          </span>
        </>
      ),
    },
    whenByColumn<Decided>({ key: "decided", whenLabel: t("admin.decidedAt"), byLabel: t("admin.decidedBy"), when: (r) => r.decidedAt, by: (r) => r.decidedBy, format }),
  ];
  return (
    <RecentTable
      id="decided-refunds"
      title={t("admin.decidedTitle")}
      empty={t("admin.decidedEmpty")}
      caption={t("admin.decidedCaption", { count: refunds.length })}
      columns={columns}
      rows={refunds}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": "decided-refund", "data-order-number": r.orderNumber, "data-status": r.status })}
      minWidth="20rem"
      testId="decided-refunds"
    />
  );
}
