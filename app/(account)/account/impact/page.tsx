import type { Metadata } from "next";
import { ImpactSummary } from "@/components/impact/impact-summary";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { buyerImpact } from "@/lib/server/queries/impact";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("impact.title"), robots: { index: false } };
}

/** "My impact": what all of the buyer's paid orders brought to households and villages, from the ledger. */
export default async function ImpactPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/impact");
  const [t, locale, impact] = await Promise.all([getT(), getLocale(), buyerImpact(user.id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("impact.title")}</h1>
      {impact.orders === 0 ? (
        <p className="rounded-xl bg-white p-4" data-testid="impact-empty">
          {t("impact.empty")}
        </p>
      ) : (
        <>
          <p className="text-sm text-earth-600">{t("impact.orders", { count: impact.orders })}</p>
          <ImpactSummary impact={impact} locale={locale} t={t} title={t("impact.title")} lead={t("impact.lead")} testId="my-impact" />
        </>
      )}
    </div>
  );
}
