import Link from "next/link";
import { useTranslations } from "next-intl";
import { VillageList } from "../place-cards";
import { ProductGrid } from "../product-card";
import type { HomeData } from "../types";

export function HomeTemplate({ home }: { home: HomeData }) {
  const t = useTranslations("home");
  const stats = [
    t("statProducts", { count: home.totals.products }),
    t("statCooperatives", { count: home.totals.cooperatives }),
    t("statVillages", { count: home.totals.villages }),
    t("statHouseholds", { count: home.totals.households }),
  ];
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-wine-700 px-5 py-8 text-white sm:px-8">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-wine-50">{t("lead")}</p>
        <Link href="/products" className="mt-5 inline-block rounded-lg bg-white px-5 py-2.5 font-semibold text-wine-700 hover:bg-wine-50">
          {t("browseAll")}
        </Link>
        <h2 className="sr-only">{t("stats")}</h2>
        <ul className="mt-6 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          {stats.map((s) => (
            <li key={s} className="rounded-lg bg-wine-800/60 px-3 py-2">
              {s}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="mb-3 text-xl font-semibold">
          {t("categories")}
        </h2>
        <ul className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {home.categories.map((c) => (
            <li key={c.slug}>
              <Link href={`/products?category=${c.slug}`} className="flex flex-col items-center gap-1 rounded-xl bg-white p-3 text-center text-sm font-medium shadow-sm hover:text-wine-700">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={c.image} alt="" width={64} height={64} loading="lazy" decoding="async" className="h-16 w-16" />
                <span>{c.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="featured-title">
        <h2 id="featured-title" className="mb-3 text-xl font-semibold">
          {t("featured")}
        </h2>
        {/* On a desktop screen the first row is in view: its first photo is the largest paint. */}
        <ProductGrid products={home.featured} aboveFold />
      </section>

      <section aria-labelledby="how-title" className="rounded-2xl bg-leaf-50 p-5">
        <h2 id="how-title" className="text-xl font-semibold text-leaf-700">
          {t("howTitle")}
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
        </ol>
      </section>

      <section aria-labelledby="villages-title">
        <h2 id="villages-title" className="mb-3 text-xl font-semibold">
          {t("villages")}
        </h2>
        <VillageList villages={home.villages} />
      </section>
    </div>
  );
}
