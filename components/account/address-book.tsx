import { useTranslations } from "next-intl";
import { AddressFields, AddressLine } from "@/components/account/address-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { deleteAddressAction } from "@/lib/server/actions/account/delete-address";
import { saveAddressAction } from "@/lib/server/actions/account/save-address";

type Address = { id: string; recipient: string; phone: string; district: string; street: string; isDefault: boolean };

/** The buyer's Beijing delivery addresses: each can be edited or deleted, and a new one added. */
export function AddressBook({ addresses }: { addresses: Address[] }) {
  const t = useTranslations("account");
  return (
    <div className="space-y-6">
      <PageHeader title={t("addresses")} lead={t("addressesLead")} />
      {addresses.length === 0 ? (
        <Notice>{t("noAddresses")}</Notice>
      ) : (
        <ul className="space-y-3" data-testid="address-list">
          {addresses.map((a) => (
            <Section as="li" key={a.id}>
              <p className="font-medium">
                {a.recipient} <span className="tabular-nums text-earth-600">{a.phone}</span>
                {a.isDefault && <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 text-xs text-leaf-700">{t("default")}</span>}
              </p>
              <p className="text-sm">
                <AddressLine district={a.district} street={a.street} />
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-wine-700">{t("edit")}</summary>
                <ActionForm action={saveAddressAction} submitLabel={t("save")} className="mt-3 space-y-3">
                  <input type="hidden" name="id" value={a.id} />
                  <AddressFields address={a} />
                </ActionForm>
              </details>
              <ActionForm action={deleteAddressAction} submitLabel={t("delete")} variant="danger" className="mt-2">
                <input type="hidden" name="id" value={a.id} />
              </ActionForm>
            </Section>
          ))}
        </ul>
      )}
      <Section title={t("addAddress")}>
        <ActionForm action={saveAddressAction} submitLabel={t("save")} testId="address-form">
          <AddressFields />
        </ActionForm>
      </Section>
    </div>
  );
}
