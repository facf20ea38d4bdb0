import { useTranslations } from "next-intl";
import { ActionForm, Choice, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { MAX_BATCH_NOTE } from "@/lib/domain/batch";
import { createBatchAction } from "@/lib/server/actions/coop/create-batch";

/** A new production batch: lot, production date, quantity, notes, and whether it also comes into stock. */
export function BatchForm({ cooperativeId, productId, today }: { cooperativeId: string; productId: string; today: string }) {
  const t = useTranslations("batches");
  return (
    <Section title={t("createTitle")}>
      <ActionForm action={createBatchAction} submitLabel={t("submit")} testId="batch-create">
        <input type="hidden" name="cooperativeId" value={cooperativeId} />
        <input type="hidden" name="productId" value={productId} />
        <Field name="lotNumber" label={t("lot")} hint={t("lotHint")} autoComplete="off" autoCapitalize="characters" maxLength={40} required />
        <Field name="productionDate" label={t("productionDate")} type="date" max={today} required />
        <Field name="quantity" label={t("quantity")} inputMode="numeric" autoComplete="off" required />
        <Field name="noteZh" label={t("noteZh")} maxLength={MAX_BATCH_NOTE} autoComplete="off" />
        <Field name="noteEn" label={t("noteEn")} maxLength={MAX_BATCH_NOTE} autoComplete="off" lang="en" />
        <label className="flex items-start gap-2 text-sm">
          <Choice type="checkbox" name="receive" className="mt-1 size-4" />
          <span>{t("receive")}</span>
        </label>
      </ActionForm>
    </Section>
  );
}
