import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/section";
import { FactList } from "../fact-list";
import { ProductGrid } from "../product-card";
import type { CooperativeDetail } from "../types";

export function CooperativeTemplate({ coop }: { coop: CooperativeDetail }) {
  const t = useTranslations("cooperative");
  const tb = useTranslations("benefit");
  const facts = [
    {
      key: "village",
      label: t("village"),
      value: (
        <Link href={`/villages/${coop.village.slug}`} className="text-wine-700 underline">
          {coop.village.name}
        </Link>
      ),
    },
    ...(coop.enterprise ? [{ key: "enterprise", label: t("enterprise"), value: coop.enterprise }] : []),
    ...(coop.foundedYear ? [{ key: "founded", label: t("foundedLabel"), value: t("founded", { year: coop.foundedYear }) }] : []),
  ];
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <PageHeader title={coop.name} />
        <FactList facts={facts} />
        {coop.description && <p className="max-w-3xl leading-relaxed">{coop.description}</p>}
        {coop.enterpriseDescription && <p className="max-w-3xl text-sm leading-relaxed text-earth-600">{coop.enterpriseDescription}</p>}
      </header>
      <section aria-labelledby="benefit-types-title" className="rounded-xl bg-leaf-50 p-4">
        <h2 id="benefit-types-title" className="text-lg font-semibold text-leaf-700">
          {t("benefitTypes")}
        </h2>
        <p className="mt-1">{t("households", { count: coop.householdCount })}</p>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {coop.benefitTypes.map((b) => (
            <li key={b.type} className="rounded-full bg-white px-3 py-1">
              {t("benefitTypeCount", { type: tb(`types.${b.type}`), count: b.households })}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-earth-600">{t("privacy")}</p>
      </section>
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="mb-3 text-xl font-semibold">
          {t("productsTitle")}
        </h2>
        <ProductGrid products={coop.products} />
      </section>
    </div>
  );
}
