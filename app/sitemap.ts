import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/server/env";
import { getSitemapEntries } from "@/lib/server/queries/catalog-cached";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await getSitemapEntries();
  return [
    { url: absoluteUrl("/"), changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl("/products"), changeFrequency: "daily", priority: 0.9 },
    { url: absoluteUrl("/villages"), changeFrequency: "weekly", priority: 0.5 },
    { url: absoluteUrl("/cooperatives"), changeFrequency: "weekly", priority: 0.5 },
    ...entries.products.map((p) => ({ url: absoluteUrl(`/products/${p.slug}`), lastModified: p.updatedAt, priority: 0.8 })),
    ...entries.cooperatives.map((slug) => ({ url: absoluteUrl(`/cooperatives/${slug}`), priority: 0.6 })),
    ...entries.villages.map((slug) => ({ url: absoluteUrl(`/villages/${slug}`), priority: 0.6 })),
  ];
}
