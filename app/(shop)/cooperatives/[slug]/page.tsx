import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductGrid } from "@/components/catalog/product-card";
import { getCooperative } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const coop = await getCooperative(slug, locale);
  if (!coop) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.cooperativeTitle", { name: coop.name }), description: coop.description.slice(0, 160), alternates: { canonical: `/cooperatives/${coop.slug}` } };
}

export default async function CooperativePage({ params }: Props) {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const coop = await getCooperative(slug, locale);
  if (!coop) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{coop.name}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-earth-600">{t("cooperative.village")}：</dt>
            <dd className="inline">
              <Link href={`/villages/${coop.village.slug}`} className="text-wine-700 underline">
                {coop.village.name}
              </Link>
            </dd>
          </div>
          {coop.enterprise && (
            <div>
              <dt className="inline text-earth-600">{t("cooperative.enterprise")}：</dt>
              <dd className="inline">{coop.enterprise}</dd>
            </div>
          )}
          {coop.foundedYear && (
            <div>
              <dd className="inline">{t("cooperative.founded", { year: coop.foundedYear })}</dd>
            </div>
          )}
        </dl>
        {coop.description && <p className="max-w-3xl leading-relaxed">{coop.description}</p>}
        {coop.enterpriseDescription && <p className="max-w-3xl text-sm leading-relaxed text-earth-600">{coop.enterpriseDescription}</p>}
      </header>
      <section aria-labelledby="benefit-types-title" className="rounded-xl bg-leaf-50 p-4">
        <h2 id="benefit-types-title" className="text-lg font-semibold text-leaf-700">
          {t("cooperative.benefitTypes")}
        </h2>
        <p className="mt-1">{t("cooperative.households", { count: coop.householdCount })}</p>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {coop.benefitTypes.map((b) => (
            <li key={b.type} className="rounded-full bg-white px-3 py-1">
              {t("cooperative.benefitTypeCount", { type: t(`benefit.types.${b.type}`), count: b.households })}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-earth-600">{t("cooperative.privacy")}</p>
      </section>
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="mb-3 text-xl font-semibold">
          {t("cooperative.productsTitle")}
        </h2>
        <ProductGrid products={coop.products} locale={locale} t={t} />
      </section>
    </div>
  );
}
