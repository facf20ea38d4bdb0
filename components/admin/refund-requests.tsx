import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { decideRefundAction } from "@/lib/server/actions/admin/decide-refund";
import type { listRefundRequests } from "@/lib/server/queries/orders";
import { RowActionError, RowActionForm, RowActions } from "./row-actions";

type Request = Awaited<ReturnType<typeof listRefundRequests>>[number];

/**
 * Refund requests waiting for an admin, each with its approve and reject buttons. Both forms of all the rows share
 * one action state (row-actions.tsx): a decided request leaves the list and its success shows above it; a refusal
 * (decided by another admin meanwhile, Stripe refused) shows once, on its own row.
 */
export function RefundRequests({ refunds }: { refunds: Request[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <RowActions action={decideRefundAction} rowField="refundId" testId="refund-status">
      {refunds.length === 0 && <Notice>{t("admin.refundsEmpty")}</Notice>}
      <ul className="space-y-3">
        {refunds.map((r) => (
          // data-order (the order's number) is read by the e2e tests.
          <Section key={r.id} as="li" className="space-y-2" testId="refund" data={{ "data-order": r.order.number }}>
            <p className="flex flex-wrap justify-between gap-2 font-medium">
              <span className="font-mono">{r.order.number}</span>
              <Price fen={r.amountFen} />
            </p>
            <p className="text-sm text-earth-600">
              {t(`orders.method.${r.order.paymentMethod}`)} · {format.dateTime(r.createdAt, "dateTime")}
            </p>
            {r.reason && <p className="text-sm">{r.reason}</p>}
            <div className="flex flex-wrap gap-2">
              <RowActionForm rowId={r.id} quiet submitLabel={t("admin.approve")}>
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
              </RowActionForm>
              <RowActionForm rowId={r.id} quiet submitLabel={t("admin.reject")} variant="danger">
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="reject" />
              </RowActionForm>
            </div>
            <RowActionError rowId={r.id} />
          </Section>
        ))}
      </ul>
    </RowActions>
  );
}
