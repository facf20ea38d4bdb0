import type { Metadata } from "next";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { parseCatalogQuery } from "@/lib/validation/catalog";
import { Catalog, catalogMetadata } from "../_lib/catalog";

type Props = { params: Promise<{ locale: string }> };

// /products without a query: rendered once per language and served from the cache (lib/server/cached-page.ts).
// With one, proxy.ts sends the request to ../catalog/page.tsx instead.
export const dynamic = "error";
const FIRST_PAGE = parseCatalogQuery({});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return catalogMetadata(FIRST_PAGE, await cachedPageLocale(params));
}

export default async function CatalogPage({ params }: Props) {
  return <Catalog query={FIRST_PAGE} locale={await cachedPageLocale(params)} />;
}
