import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AddressFields } from "@/components/account/address-fields";
import { ActionForm, Field } from "@/components/ui/action-form";
import { formatFen } from "@/lib/domain/money";
import { placeOrderAction } from "@/lib/server/actions/checkout/place-order";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { getAccountProfile, listAddresses } from "@/lib/server/queries/account";
import { getCartView } from "@/lib/server/queries/cart";
import { stripeConfig } from "@/lib/server/stripe";
import { districtName } from "@/lib/validation/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("checkout.title"), robots: { index: false } };
}

export default async function CheckoutPage() {
  const user = await guardPage({ kind: "role", roles: ["BUYER"] }, "/checkout");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const [cart, addresses, profile] = await Promise.all([getCartView({ userId: user.id }, locale), listAddresses(user.id), getAccountProfile(user.id)]);
  if (cart.groups.length === 0) redirect("/cart");
  const stripe = stripeConfig() !== null;
  const institution = profile.buyerType === "INSTITUTION";
  const money = (fen: number) => formatFen(fen, locale);
  const radio = "flex items-start gap-2 rounded-lg border border-earth-600/30 p-3";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
      <section aria-labelledby="summary" className="rounded-2xl bg-white p-4 shadow-sm">
        <h2 id="summary" className="font-semibold">
          {t("checkout.summary")}
        </h2>
        <ul className="mt-2 space-y-2 text-sm">
          {cart.groups.map((g) => (
            <li key={g.cooperativeId}>
              <p className="font-medium">{t("cart.from", { cooperative: g.cooperativeName })}</p>
              <ul className="text-earth-600">
                {g.lines.map((l) => (
                  <li key={l.productId} className="flex justify-between">
                    <span>
                      {l.name} × {l.quantity}
                    </span>
                    <span className="tabular-nums">{money(l.unitPriceFen * l.quantity)}</span>
                  </li>
                ))}
                <li className="flex justify-between">
                  <span>{t("cart.shipping")}</span>
                  <span className="tabular-nums">{g.shippingFen > 0 ? money(g.shippingFen) : t("cart.freeShipping")}</span>
                </li>
              </ul>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between text-lg font-semibold">
          <span>{t("cart.total")}</span>
          <span className="tabular-nums text-wine-700" data-testid="checkout-total">
            {money(cart.totalFen)}
          </span>
        </p>
        <p className="mt-1 text-xs text-earth-600">{t("checkout.perCooperative")}</p>
      </section>

      <ActionForm action={placeOrderAction} submitLabel={t("checkout.place")} className="space-y-5" testId="checkout-form">
        <input type="hidden" name="fingerprint" value={cart.fingerprint} />
        <fieldset className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
          <legend className="font-semibold">{t("checkout.address")}</legend>
          {addresses.map((a, i) => (
            <label key={a.id} className={radio}>
              <input type="radio" name="addressId" value={a.id} defaultChecked={i === 0} className="mt-1" />
              <span className="text-sm">
                {a.recipient} {a.phone}
                <br />
                {t("account.beijing")} {districtName(a.district, locale)} {a.street}
              </span>
            </label>
          ))}
          <label className={radio}>
            <input type="radio" name="addressId" value="" defaultChecked={addresses.length === 0} className="mt-1" />
            <span className="text-sm font-medium">{t("checkout.newAddress")}</span>
          </label>
          <div className="space-y-3 pl-6">
            <AddressFields t={t} locale={locale} hideDefault />
          </div>
        </fieldset>

        <fieldset className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
          <legend className="font-semibold">{t("checkout.invoice")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="institutional" defaultChecked={institution} className="h-4 w-4" />
            {t("checkout.invoiceHint")}
          </label>
          <Field name="unitName" label={t("account.unitName")} defaultValue={profile.institution?.unitName ?? ""} />
          <Field name="invoiceTitle" label={t("account.invoiceTitle")} defaultValue={profile.institution?.invoiceTitle ?? ""} />
          <Field name="taxId" label={t("account.taxId")} hint={t("account.taxIdHint")} defaultValue={profile.institution?.taxId ?? ""} />
        </fieldset>

        <fieldset className="space-y-3 rounded-2xl bg-white p-4 shadow-sm">
          <legend className="font-semibold">{t("checkout.payment")}</legend>
          {stripe ? (
            <label className={radio}>
              <input type="radio" name="method" value="STRIPE" defaultChecked={!institution} className="mt-1" />
              <span className="text-sm">
                <span className="font-medium">{t("checkout.stripe")}</span>
                <br />
                <span className="text-earth-600">{t("checkout.stripeHint")}</span>
              </span>
            </label>
          ) : (
            <p className="rounded-lg bg-earth-100 px-3 py-2 text-sm" data-testid="no-stripe">
              {t("checkout.noStripe")}
            </p>
          )}
          <label className={radio}>
            <input type="radio" name="method" value="BANK_TRANSFER" defaultChecked={!stripe || institution} className="mt-1" />
            <span className="text-sm">
              <span className="font-medium">{t("checkout.bank")}</span>
              <br />
              <span className="text-earth-600">{t("checkout.bankHint")}</span>
            </span>
          </label>
          <Field name="note" label={t("checkout.note")} maxLength={200} />
        </fieldset>
      </ActionForm>
    </div>
  );
}
