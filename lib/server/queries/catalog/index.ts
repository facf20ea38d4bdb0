// The public catalog's reads, one file per read; each takes the database and the reader's locale and returns
// plain, serialisable objects. Pages call the cached versions in ../catalog-cached.ts.
export type { ProductCard, Facet } from "./shared";
export type { CooperativeCard, VillageCard } from "./places";
export { listProducts, type ProductPage } from "./products";
export { getCatalogFacets, type CatalogFacets } from "./facets";
export { getHome, type HomeData } from "./home";
export { getProduct, type ProductDetail } from "./product";
export { getCooperative, listCooperatives, type CooperativeDetail } from "./cooperatives";
export { getVillage, listVillages, type VillageDetail } from "./villages";
export { getSitemapEntries, type SitemapEntries } from "./sitemap";
export { orderStockChanges, type StockMovement } from "./touched";
export { catalogTags, stockChangeTags, type StockChange } from "./tags";
