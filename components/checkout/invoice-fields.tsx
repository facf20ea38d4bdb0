import { useTranslations } from "next-intl";
import { Choice, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";

export type InstitutionDetails = { unitName: string; invoiceTitle: string; taxId: string };

/**
 * An institutional order with an invoice: the organisation's fields open only while the box is ticked (CSS :has,
 * no JavaScript needed). An institutional buyer's box starts ticked, with their saved details filled in.
 */
export function InvoiceFields({ wanted, details }: { wanted: boolean; details: InstitutionDetails | null }) {
  const t = useTranslations("checkout");
  const ta = useTranslations("account");
  return (
    <Section>
      <fieldset className="group/invoice space-y-3">
        <legend className="mb-3 text-lg font-semibold">{t("invoice")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <Choice type="checkbox" name="institutional" defaultChecked={wanted} className="mt-0.5 h-4 w-4 shrink-0" data-invoice="" />
          {t("invoiceHint")}
        </label>
        <div className="hidden space-y-3 group-has-[[data-invoice]:checked]/invoice:block">
          <Field name="unitName" label={ta("unitName")} autoComplete="organization" defaultValue={details?.unitName ?? ""} />
          <Field name="invoiceTitle" label={ta("invoiceTitle")} defaultValue={details?.invoiceTitle ?? ""} />
          <Field name="taxId" label={ta("taxId")} hint={ta("taxIdHint")} autoCapitalize="characters" defaultValue={details?.taxId ?? ""} />
        </div>
      </fieldset>
    </Section>
  );
}
