import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { decideRefundAction } from "@/lib/server/actions/admin/decide-refund";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listRefundRequests } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.refunds"), robots: { index: false } };
}

export default async function RefundsPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/refunds");
  const [t, refunds] = await Promise.all([getT(), listRefundRequests(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.refunds")} />
      {refunds.length === 0 && <Notice>{t("admin.refundsEmpty")}</Notice>}
      <ul className="space-y-3">
        {refunds.map((r) => (
          <Section key={r.id} as="li" className="space-y-2" testId="refund" data={{ "data-order": r.order.number }}>
            <p className="flex justify-between font-medium">
              <span className="font-mono">{r.order.number}</span>
              <Price fen={r.amountFen} />
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
          </Section>
        ))}
      </ul>
    </div>
  );
}
