import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductTemplate } from "@/components/catalog/templates/product-template";
import { getLocale, getT } from "@/lib/server/i18n";
import { getProduct } from "../../_lib/reads";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const product = await getProduct(slug, locale);
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
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  return <ProductTemplate product={product} />;
}
