// The shapes the catalog templates draw, read off the cached catalog reads the pages call, so the
// components follow those functions wherever their implementation lives.
import type { getCatalogFacets, getCooperative, getHome, getProduct, getVillage, listProducts } from "@/lib/server/queries/catalog-cached";

export type HomeData = Awaited<ReturnType<typeof getHome>>;
export type ProductPage = Awaited<ReturnType<typeof listProducts>>;
export type ProductCardData = ProductPage["items"][number];
export type CatalogFacets = Awaited<ReturnType<typeof getCatalogFacets>>;
export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
export type CooperativeDetail = NonNullable<Awaited<ReturnType<typeof getCooperative>>>;
export type VillageDetail = NonNullable<Awaited<ReturnType<typeof getVillage>>>;
export type VillageCardData = HomeData["villages"][number];
export type CooperativeCardData = VillageDetail["cooperatives"][number];
