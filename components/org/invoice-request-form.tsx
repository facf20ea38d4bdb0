"use client";
// A member's request for a VAT invoice: the kind (普票 / 专票), one paid order or an ended month. The title and tax id
// are the organisation's (shown, not sent: the server takes them from the profile); a 专票 also asks for the bank
// and account number and the address and phone, prefilled. The fields each choice needs are shown by CSS (:has on
// the checked radio), so the form works before and without JavaScript; the server ignores the fields not needed.
import { useTranslations } from "next-intl";
import { ActionForm, Choice, Field, SelectField } from "@/components/ui/action-form";
import { requestInvoiceAction } from "@/lib/server/actions/org/invoice-request";

export interface InvoiceOrderOption {
  id: string;
  label: string;
}

export function InvoiceRequestForm({
  orders,
  defaults,
}: {
  orders: InvoiceOrderOption[];
  defaults: { title: string; taxId: string; bankAccount: string; addressPhone: string; month: string };
}) {
  const t = useTranslations("org.invoices");
  const scope = orders.length > 0 ? "ORDER" : "MONTH";
  const radio = "flex items-center gap-2 rounded-lg border border-earth-600/30 bg-white px-3 py-2 text-sm";
  return (
    <ActionForm action={requestInvoiceAction} submitLabel={t("form.submit")} testId="invoice-request-form" className="group space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("form.kind")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["GENERAL", "SPECIAL"] as const).map((k) => (
            <label key={k} className={radio}>
              <Choice type="radio" name="kind" value={k} defaultChecked={k === "GENERAL"} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("form.scope")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["ORDER", "MONTH"] as const).map((s) => (
            <label key={s} className={radio}>
              <Choice type="radio" name="scope" value={s} defaultChecked={s === scope} />
              {t(`scopes.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="hidden group-has-[[value=ORDER]:checked]:block">
        {orders.length > 0 ? (
          <SelectField name="orderId" label={t("form.order")} placeholder={t("form.orderPlaceholder")} options={orders.map((o) => ({ value: o.id, label: o.label }))} />
        ) : (
          <p className="text-sm text-earth-600">{t("form.noOrders")}</p>
        )}
      </div>
      <div className="hidden group-has-[[value=MONTH]:checked]:block">
        <Field name="month" label={t("form.month")} hint={t("form.monthHint")} defaultValue={defaults.month} inputMode="numeric" placeholder="2026-11" pattern="\d{4}-\d{2}" />
      </div>
      <dl className="grid gap-2 rounded-lg bg-earth-100 p-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-earth-600">{t("form.title")}</dt>
          <dd className="font-medium">{defaults.title}</dd>
        </div>
        <div>
          <dt className="text-earth-600">{t("form.taxId")}</dt>
          <dd className="font-mono">{defaults.taxId}</dd>
        </div>
        <p className="text-earth-600 sm:col-span-2">{t("form.fromProfile")}</p>
      </dl>
      <div className="hidden space-y-3 group-has-[[value=SPECIAL]:checked]:block">
        <p className="text-sm text-earth-600">{t("form.specialHint")}</p>
        <Field name="bankAccount" label={t("form.bankAccount")} defaultValue={defaults.bankAccount} maxLength={100} autoComplete="off" />
        <Field name="addressPhone" label={t("form.addressPhone")} defaultValue={defaults.addressPhone} maxLength={200} autoComplete="off" />
      </div>
    </ActionForm>
  );
}
