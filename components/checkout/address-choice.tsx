import { useTranslations } from "next-intl";
import { AddressFields, AddressLine } from "@/components/account/address-fields";
import { Choice } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";

export type SavedAddress = { id: string; recipient: string; phone: string; district: string; street: string };

export const choiceClass = "flex items-start gap-2 rounded-lg border border-earth-600/30 p-3 has-[:checked]:border-wine-700 has-[:checked]:bg-wine-50";

/**
 * A saved address (the default first) or a new one. The new-address fields show only while "new address" is
 * checked, by CSS (:has), so the choice works without JavaScript; with no saved address it is checked already.
 */
export function AddressChoice({ addresses }: { addresses: SavedAddress[] }) {
  const t = useTranslations("checkout");
  return (
    <Section>
      <fieldset className="group/address space-y-3">
        <legend className="mb-3 text-lg font-semibold">{t("address")}</legend>
        {addresses.map((a, i) => (
          <label key={a.id} className={choiceClass}>
            <Choice type="radio" name="addressId" value={a.id} defaultChecked={i === 0} className="mt-1" />
            <span className="text-sm">
              {a.recipient} {a.phone}
              <br />
              <AddressLine district={a.district} street={a.street} />
            </span>
          </label>
        ))}
        <label className={choiceClass}>
          <Choice type="radio" name="addressId" value="" defaultChecked={addresses.length === 0} className="mt-1" data-new-address="" />
          <span className="text-sm font-medium">{t("newAddress")}</span>
        </label>
        <div className="hidden space-y-3 pl-6 group-has-[[data-new-address]:checked]/address:block">
          <AddressFields hideDefault />
        </div>
      </fieldset>
    </Section>
  );
}
