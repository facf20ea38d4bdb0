import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CooperativeCardView, villageStatus } from "@/components/catalog/place-cards";
import { ProductGrid } from "@/components/catalog/product-card";
import { getVillage } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const village = await getVillage(slug, locale);
  if (!village) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.villageTitle", { name: village.name }), description: village.description.slice(0, 160), alternates: { canonical: `/villages/${village.slug}` } };
}

export default async function VillagePage({ params }: Props) {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const village = await getVillage(slug, locale);
  if (!village) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/images/villages/${village.slug}.svg`} alt="" width={1200} height={400} className="h-40 w-full rounded-2xl object-cover sm:h-56" />
        <h1 className="text-2xl font-bold">{village.name}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-earth-600">{t("village.township")}：</dt>
            <dd className="inline">
              {village.township}，{village.county}
            </dd>
          </div>
          <div>
            <dt className="inline text-earth-600">{t("village.status")}：</dt>
            <dd className="inline">{villageStatus(village, t)}</dd>
          </div>
          <div>
            <dd className="inline">{t("village.households", { count: village.householdCount })}</dd>
          </div>
        </dl>
        {village.description && <p className="max-w-3xl leading-relaxed">{village.description}</p>}
      </header>
      {village.cooperatives.length > 0 && (
        <section aria-labelledby="coops-title">
          <h2 id="coops-title" className="mb-3 text-xl font-semibold">
            {t("village.cooperatives")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {village.cooperatives.map((c) => (
              <li key={c.slug}>
                <CooperativeCardView cooperative={c} t={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="mb-3 text-xl font-semibold">
          {t("village.productsTitle")}
        </h2>
        {village.products.length > 0 ? <ProductGrid products={village.products} locale={locale} t={t} /> : <p>{t("village.noProducts")}</p>}
      </section>
    </div>
  );
}
