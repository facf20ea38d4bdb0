import "server-only";
import { cache } from "react";
import * as catalog from "@/lib/server/queries/catalog-cached";

// The catalog reads that both a page and its generateMetadata make, memoised for the request (React's cache
// is shared by the two, as Next's docs advise where there is no fetch), so each read runs once per request.
export const getProduct = cache(catalog.getProduct);
export const getVillage = cache(catalog.getVillage);
export const getCooperative = cache(catalog.getCooperative);
export const getCatalogFacets = cache(catalog.getCatalogFacets);
