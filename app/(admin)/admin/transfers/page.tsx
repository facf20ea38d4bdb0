import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/ui/action-form";
import { formatFen } from "@/lib/domain/money";
import { confirmTransferAction } from "@/lib/server/actions/admin/confirm-transfer";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { sweepSoon } from "@/lib/server/orders/sweep";
import { listTransfersAwaitingConfirmation } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.transfers"), robots: { index: false } };
}

export default async function TransfersPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/transfers");
  await sweepSoon(db);
  const [t, locale, orders] = await Promise.all([getT(), getLocale(), listTransfersAwaitingConfirmation()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("admin.transfers")}</h1>
      {orders.length === 0 && <p className="rounded-xl bg-white p-4">{t("admin.transfersEmpty")}</p>}
      <ul className="space-y-3">
        {orders.map((o) => (
          <li key={o.id} className="rounded-2xl bg-white p-4 shadow-sm" data-testid="transfer" data-order={o.id} data-amount={(o.totalFen / 100).toFixed(2)} data-reference={o.transferReference ?? ""}>
            <p className="flex flex-wrap justify-between gap-2 font-medium">
              <span className="font-mono">{o.transferReference}</span>
              <span className="tabular-nums">{formatFen(o.totalFen, locale)}</span>
            </p>
            <p className="text-sm text-earth-600">
              {o.number} · {o.unitName ?? o.buyer.email} · {when.format(o.placedAt)}
            </p>
            <ActionForm action={confirmTransferAction} submitLabel={t("admin.confirm")} className="mt-3 flex flex-wrap items-end gap-3">
              <input type="hidden" name="orderId" value={o.id} />
              <Field name="amount" label={t("admin.amountReceived")} inputMode="decimal" />
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
