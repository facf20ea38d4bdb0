import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { STOCK_REASONS } from "@/lib/domain/stock";
import { adjustStockAction } from "@/lib/server/actions/coop/adjust-stock";
import { setLowStockAction } from "@/lib/server/actions/coop/set-low-stock";

interface Target {
  cooperativeId: string;
  productId: string;
}

/** Received (入库), damaged (损耗) or counted (盘点): one adjustment with its reason and a note. */
export function StockAdjustForm({ target, reserved }: { target: Target; reserved: number }) {
  const t = useTranslations("stock");
  return (
    <Section title={t("adjustTitle")}>
      <ActionForm action={adjustStockAction} submitLabel={t("submit")} testId="stock-adjust">
        <input type="hidden" name="cooperativeId" value={target.cooperativeId} />
        <input type="hidden" name="productId" value={target.productId} />
        <SelectField name="reason" label={t("reasonLabel")} placeholder={t("choose")} options={STOCK_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} />
        <Field name="units" label={t("unitsLabel")} hint={t("unitsHint", { reserved })} inputMode="numeric" autoComplete="off" required />
        <Field name="note" label={t("noteLabel")} maxLength={200} autoComplete="off" />
      </ActionForm>
    </Section>
  );
}

/** The level at or below which the product is on the low-stock list. */
export function LowStockForm({ target, threshold }: { target: Target; threshold: number }) {
  const t = useTranslations("stock.threshold");
  return (
    <Section title={t("title")}>
      <ActionForm action={setLowStockAction} submitLabel={t("submit")} variant="secondary" testId="low-stock">
        <input type="hidden" name="cooperativeId" value={target.cooperativeId} />
        <input type="hidden" name="productId" value={target.productId} />
        <Field name="threshold" label={t("label")} hint={t("hint")} inputMode="numeric" autoComplete="off" defaultValue={String(threshold)} />
      </ActionForm>
    </Section>
  );
}
