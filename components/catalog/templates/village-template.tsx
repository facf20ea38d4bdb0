import { useTranslations } from "next-intl";
import { Notice, PageHeader } from "@/components/ui/section";
import { FactList } from "../fact-list";
import { CooperativeList, VillageStatus } from "../place-cards";
import { ProductGrid } from "../product-card";
import type { VillageDetail } from "../types";

export function VillageTemplate({ village }: { village: VillageDetail }) {
  const t = useTranslations("village");
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/images/villages/${village.slug}.svg`} alt="" width={1200} height={400} className="h-40 w-full rounded-2xl object-cover sm:h-56" />
        <PageHeader title={village.name} />
        <FactList
          facts={[
            { key: "township", label: t("township"), value: t("place", { township: village.township, county: village.county }) },
            { key: "status", label: t("status"), value: <VillageStatus village={village} /> },
            { key: "households", label: t("householdsLabel"), value: t("households", { count: village.householdCount }) },
          ]}
        />
        {village.description && <p className="max-w-3xl leading-relaxed">{village.description}</p>}
      </header>
      {village.cooperatives.length > 0 && (
        <section aria-labelledby="coops-title">
          <h2 id="coops-title" className="mb-3 text-xl font-semibold">
            {t("cooperatives")}
          </h2>
          <CooperativeList cooperatives={village.cooperatives} />
        </section>
      )}
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="mb-3 text-xl font-semibold">
          {t("productsTitle")}
        </h2>
        {village.products.length > 0 ? <ProductGrid products={village.products} /> : <Notice>{t("noProducts")}</Notice>}
      </section>
    </div>
  );
}
