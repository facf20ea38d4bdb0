import { Field, SelectField } from "@/components/ui/action-form";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { BEIJING_DISTRICTS } from "@/lib/validation/account";

type Address = { recipient: string; phone: string; district: string; street: string; isDefault: boolean };

export function AddressFields({ t, locale, address, hideDefault }: { t: Translate; locale: Locale; address?: Address; hideDefault?: boolean }) {
  return (
    <>
      <Field name="recipient" label={t("account.recipient")} autoComplete="name" defaultValue={address?.recipient} />
      <Field name="phone" label={t("account.mobile")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={address?.phone} />
      <SelectField
        name="district"
        label={`${t("account.beijing")} · ${t("account.district")}`}
        placeholder={t("account.chooseDistrict")}
        defaultValue={address?.district}
        options={BEIJING_DISTRICTS.map((d) => ({ value: d.code, label: locale === "en" ? d.en : d.zh }))}
      />
      <Field name="street" label={t("account.street")} autoComplete="street-address" defaultValue={address?.street} />
      {!hideDefault && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isDefault" defaultChecked={address?.isDefault} className="h-4 w-4" />
          {t("account.isDefault")}
        </label>
      )}
    </>
  );
}
