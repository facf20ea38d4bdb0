import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCart } from "@/components/cart/add-to-cart";
import { BenefitBreakdown } from "@/components/catalog/benefit-breakdown";
import { ProductJsonLd } from "@/components/catalog/product-json-ld";
import { StockBadge } from "@/components/catalog/stock-badge";
import { Price } from "@/components/ui/price";
import { getProduct } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const product = await getProduct(slug, locale);
  if (!product) return { title: t("errors.notFoundTitle") };
  return {
    title: t("meta.productTitle", { name: product.name, cooperative: product.cooperative.name }),
    description: product.description.slice(0, 160),
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.name, description: product.description.slice(0, 160), images: product.images.map((i) => i.url) },
  };
}

export default async function ProductPage({ params }: Props) {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" });
  return (
    <article className="space-y-8">
      <ProductJsonLd product={product} />
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-label={t("product.gallery")} className="space-y-2">
          {product.images.map((img, i) => (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={img.url}
              src={img.url}
              alt={i === 0 ? img.alt : t("product.photoOf", { name: product.name, n: i + 1 })}
              width={800}
              height={800}
              className="aspect-square w-full rounded-2xl bg-earth-100 object-cover"
              fetchPriority={i === 0 ? "high" : "auto"}
            />
          ))}
        </section>
        <div className="space-y-4">
          <p className="text-sm">
            <Link href={`/products?category=${product.category.slug}`} className="text-wine-700 underline">
              {product.category.name}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{product.name}</h1>
          {product.spec && <p className="text-earth-600">{product.spec}</p>}
          <p className="flex items-baseline gap-2">
            <span className="sr-only">{t("product.price")}</span>
            <Price fen={product.priceFen} className="text-3xl font-bold text-wine-700" />
            <span className="text-sm text-earth-600">{t("product.perUnit", { unit: product.unit })}</span>
          </p>
          <p>
            <span className="sr-only">{t("product.stock")}: </span>
            <StockBadge stock={product.stock} unit={product.unit} t={t} />
          </p>
          {product.stock > 0 && <AddToCart productId={product.id} stock={product.stock} unit={product.unit} t={t} />}
          <BenefitBreakdown product={product} locale={locale} t={t} />
        </div>
      </div>

      <section aria-labelledby="details-title" className="grid gap-6 md:grid-cols-2">
        <div>
          <h2 id="details-title" className="text-xl font-semibold">
            {t("product.details")}
          </h2>
          <p className="mt-2 leading-relaxed">{product.description}</p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl bg-white p-4 text-sm">
          <dt className="text-earth-600">{t("product.origin")}</dt>
          <dd>
            <Link href={`/villages/${product.village.slug}`} className="text-wine-700 underline">
              {product.village.name}
            </Link>
            ，{product.village.township}
          </dd>
          <dt className="text-earth-600">{t("product.cooperative")}</dt>
          <dd>
            <Link href={`/cooperatives/${product.cooperative.slug}`} className="text-wine-700 underline">
              {product.cooperative.name}
            </Link>
          </dd>
          {product.cooperative.enterprise && (
            <>
              <dt className="text-earth-600">{t("product.enterprise")}</dt>
              <dd>{product.cooperative.enterprise}</dd>
            </>
          )}
          <dt className="text-earth-600">{t("product.certificate")}</dt>
          <dd>
            <span className="font-mono" data-testid="certificate-number">
              {product.certificateNumber}
            </span>
            {product.certifiedAt && (
              <span className="block text-earth-600">{t("product.certifiedOn", { date: dateFormat.format(new Date(product.certifiedAt)) })}</span>
            )}
          </dd>
          {product.batches.length > 0 && (
            <>
              <dt className="text-earth-600">{t("product.batches")}</dt>
              <dd>
                <ul>
                  {product.batches.map((b) => (
                    <li key={b.lotNumber}>{t("product.lot", { lot: b.lotNumber, date: b.productionDate })}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>
    </article>
  );
}
