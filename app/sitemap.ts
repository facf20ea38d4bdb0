import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { defaultLocale } from "@/lib/i18n/config";
import { absoluteUrl } from "@/lib/server/env";
import { getCatalogFacets, getSitemapEntries } from "@/lib/server/queries/catalog-cached";
import { catalogHref } from "@/lib/validation/catalog";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Per request, from the cached reads; never prerendered at build time (there may be no database then).
  await connection();
  const [entries, facets] = await Promise.all([getSitemapEntries(), getCatalogFacets(defaultLocale)]);
  return [
    { url: absoluteUrl("/"), changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl("/products"), changeFrequency: "daily", priority: 0.9 },
    // A category's list has its own title and canonical address (app/[locale]/(shop)/_lib/catalog.tsx).
    ...facets.categories.map((c) => ({ url: absoluteUrl(catalogHref({ category: c.slug })), changeFrequency: "daily" as const, priority: 0.7 })),
    { url: absoluteUrl("/villages"), changeFrequency: "weekly", priority: 0.5 },
    { url: absoluteUrl("/cooperatives"), changeFrequency: "weekly", priority: 0.5 },
    ...entries.products.map((p) => ({ url: absoluteUrl(`/products/${p.slug}`), lastModified: p.updatedAt, priority: 0.8 })),
    ...entries.cooperatives.map((slug) => ({ url: absoluteUrl(`/cooperatives/${slug}`), priority: 0.6 })),
    ...entries.villages.map((slug) => ({ url: absoluteUrl(`/villages/${slug}`), priority: 0.6 })),
  ];
}
