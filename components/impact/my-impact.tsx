import { useTranslations } from "next-intl";
import { ImpactSummary } from "@/components/impact/impact-summary";
import { Notice, PageHeader } from "@/components/ui/section";
import type { Impact } from "@/lib/server/queries/impact";

/** "My impact": the buyer's paid orders, summed from the benefit ledger; a word on what will show before any. */
export function MyImpact({ impact }: { impact: Impact }) {
  const t = useTranslations("impact");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={impact.orders > 0 ? t("orders", { count: impact.orders }) : undefined} />
      {impact.orders === 0 ? (
        <div data-testid="impact-empty">
          <Notice>{t("empty")}</Notice>
        </div>
      ) : (
        <ImpactSummary impact={impact} title={t("title")} lead={t("lead")} testId="my-impact" />
      )}
    </div>
  );
}
