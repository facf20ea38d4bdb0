import { useLocale, useTranslations } from "next-intl";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { CARRIERS } from "@/lib/domain/carriers";
import { packShipmentAction } from "@/lib/server/actions/coop/pack-shipment";
import { shipShipmentAction } from "@/lib/server/actions/coop/ship-shipment";

/** Mark one shipment packed. */
export function PackForm({ cooperativeId, shipmentId }: { cooperativeId: string; shipmentId: string }) {
  const t = useTranslations("fulfilment");
  return (
    <ActionForm action={packShipmentAction} submitLabel={t("pack")} variant="secondary" className="space-y-2" testId="pack-form">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="shipmentId" value={shipmentId} />
    </ActionForm>
  );
}

/** Ship one shipment: a carrier from the list and its tracking number (checked on the server per carrier). */
export function ShipForm({ cooperativeId, shipmentId }: { cooperativeId: string; shipmentId: string }) {
  const t = useTranslations("fulfilment");
  const locale = useLocale();
  return (
    <ActionForm action={shipShipmentAction} submitLabel={t("ship")} className="space-y-3" testId="ship-form">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="shipmentId" value={shipmentId} />
      <SelectField name="carrier" label={t("carrier")} placeholder={t("choose")} options={CARRIERS.map((c) => ({ value: c.code, label: locale === "en" ? c.nameEn : c.nameZh }))} />
      <Field name="trackingNumber" label={t("trackingNumber")} hint={t("trackingHint")} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
      <Field name="carrierName" label={t("carrierName")} autoComplete="off" />
    </ActionForm>
  );
}
