import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { formatFen } from "@/lib/domain/money";
import { decideRefundAction } from "@/lib/server/actions/admin/decide-refund";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listRefundRequests } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.refunds"), robots: { index: false } };
}

export default async function RefundsPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/refunds");
  const [t, locale, refunds] = await Promise.all([getT(), getLocale(), listRefundRequests()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("admin.refunds")}</h1>
      {refunds.length === 0 && <p className="rounded-xl bg-white p-4">{t("admin.refundsEmpty")}</p>}
      <ul className="space-y-3">
        {refunds.map((r) => (
          <li key={r.id} className="space-y-2 rounded-2xl bg-white p-4 shadow-sm" data-testid="refund" data-order={r.order.number}>
            <p className="flex justify-between font-medium">
              <span className="font-mono">{r.order.number}</span>
              <span className="tabular-nums">{formatFen(r.amountFen, locale)}</span>
            </p>
            <p className="text-sm text-earth-600">
              {t(`orders.method.${r.order.paymentMethod}`)} · {r.reason}
            </p>
            <div className="flex gap-2">
              <ActionForm action={decideRefundAction} submitLabel={t("admin.approve")}>
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
              </ActionForm>
              <ActionForm action={decideRefundAction} submitLabel={t("admin.reject")} variant="danger">
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="reject" />
              </ActionForm>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
