import "server-only";
// Everything the sitemap lists.
import type { Db } from "@/lib/db/client";
import { sellable } from "./shared";

export interface SitemapEntries {
  products: { slug: string; updatedAt: string }[];
  cooperatives: string[];
  villages: string[];
}

export async function getSitemapEntries(db: Db): Promise<SitemapEntries> {
  const [products, cooperatives, villages] = await Promise.all([
    db.product.findMany({ where: sellable(), select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.cooperative.findMany({ where: { status: "CERTIFIED" }, select: { slug: true }, orderBy: { slug: "asc" } }),
    db.village.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  return {
    products: products.map((p) => ({ slug: p.slug, updatedAt: p.updatedAt.toISOString() })),
    cooperatives: cooperatives.map((c) => c.slug),
    villages: villages.map((v) => v.slug),
  };
}
