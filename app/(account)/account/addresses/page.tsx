import type { Metadata } from "next";
import { AddressFields } from "@/components/account/address-fields";
import { ActionForm } from "@/components/ui/action-form";
import { deleteAddressAction } from "@/lib/server/actions/account/delete-address";
import { saveAddressAction } from "@/lib/server/actions/account/save-address";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listAddresses } from "@/lib/server/queries/account";
import { districtName } from "@/lib/validation/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.addresses"), robots: { index: false } };
}

export default async function AddressesPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/addresses");
  const [t, locale, addresses] = await Promise.all([getT(), getLocale(), listAddresses(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("account.addresses")}</h1>
      <p className="text-earth-600">{t("account.addressesLead")}</p>
      {addresses.length === 0 ? (
        <p className="rounded-xl bg-white p-4">{t("account.noAddresses")}</p>
      ) : (
        <ul className="space-y-3" data-testid="address-list">
          {addresses.map((a) => (
            <li key={a.id} className="rounded-xl bg-white p-4 shadow-sm">
              <p className="font-medium">
                {a.recipient} <span className="tabular-nums text-earth-600">{a.phone}</span>
                {a.isDefault && <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-xs text-leaf-700">{t("account.default")}</span>}
              </p>
              <p className="text-sm">
                {t("account.beijing")} {districtName(a.district, locale)} {a.street}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-wine-700">{t("account.edit")}</summary>
                <ActionForm action={saveAddressAction} submitLabel={t("account.save")} className="mt-3 space-y-3">
                  <input type="hidden" name="id" value={a.id} />
                  <AddressFields t={t} locale={locale} address={a} />
                </ActionForm>
              </details>
              <ActionForm action={deleteAddressAction} submitLabel={t("account.delete")} variant="danger" className="mt-2">
                <input type="hidden" name="id" value={a.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-address" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="add-address" className="mb-3 text-xl font-semibold">
          {t("account.addAddress")}
        </h2>
        <ActionForm action={saveAddressAction} submitLabel={t("account.save")} testId="address-form">
          <AddressFields t={t} locale={locale} />
        </ActionForm>
      </section>
    </div>
  );
}
