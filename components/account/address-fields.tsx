import { useLocale, useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/action-form";
import { BEIJING_DISTRICTS, districtName } from "@/lib/validation/account";

type Address = { recipient: string; phone: string; district: string; street: string; isDefault: boolean };

/** The fields of a Beijing delivery address (the address book and the checkout's "new address"). */
export function AddressFields({ address, hideDefault }: { address?: Address; hideDefault?: boolean }) {
  const t = useTranslations("account");
  const locale = useLocale();
  return (
    <>
      <Field name="recipient" label={t("recipient")} autoComplete="name" defaultValue={address?.recipient} />
      <Field name="phone" label={t("mobile")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={address?.phone} />
      <SelectField
        name="district"
        label={t("districtLabel")}
        placeholder={t("chooseDistrict")}
        defaultValue={address?.district}
        options={BEIJING_DISTRICTS.map((d) => ({ value: d.code, label: districtName(d.code, locale) }))}
      />
      <Field name="street" label={t("street")} autoComplete="street-address" defaultValue={address?.street} />
      {!hideDefault && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isDefault" defaultChecked={address?.isDefault} className="h-4 w-4" />
          {t("isDefault")}
        </label>
      )}
    </>
  );
}

/** One line for a saved or snapshotted address: "北京市 朝阳区 …" / "…, Chaoyang, Beijing". */
export function AddressLine({ district, street }: { district: string; street: string }) {
  const t = useTranslations("account");
  const locale = useLocale();
  return <>{t("addressLine", { district: districtName(district, locale), street })}</>;
}
