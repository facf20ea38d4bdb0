import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductTemplate } from "@/components/catalog/templates/product-template";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getT } from "@/lib/server/i18n";
import { getProduct } from "../../_lib/reads";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on its first visit per language, then served from the cache until a change to the product (a sale, an
// edit) expires it (lib/server/queries/catalog-cached.ts): the stock shown is the stock.
export const dynamic = "error";
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const [product, t] = await Promise.all([getProduct(slug, locale), getT(locale)]);
  if (!product) return { title: t("errors.notFoundTitle") };
  const description = product.description.slice(0, 160);
  return {
    title: t("meta.productTitle", { name: product.name, cooperative: product.cooperative.name }),
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.name, description, images: product.images.map((i) => i.url) },
  };
}

export default async function ProductPage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  return <ProductTemplate product={product} />;
}
