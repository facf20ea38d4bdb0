import Link from "next/link";
import { useTranslations } from "next-intl";
import { AddToCart } from "@/components/cart/add-to-cart";
import { ClientMessages } from "@/components/ui/client-messages";
import { Price } from "@/components/ui/price";
import { BenefitBreakdown } from "../benefit-breakdown";
import { PriceTierList } from "../price-tier-list";
import { ProductFacts } from "../product-facts";
import { ProductGallery } from "../product-gallery";
import { ProductJsonLd } from "../product-json-ld";
import { LiveStock } from "../live-stock";
import type { ProductDetail } from "../types";

export function ProductTemplate({ product }: { product: ProductDetail }) {
  const t = useTranslations("product");
  return (
    <article className="space-y-8">
      <ProductJsonLd product={product} />
      <div className="grid gap-6 md:grid-cols-2">
        <ProductGallery product={product} />
        <div className="space-y-4">
          <p className="text-sm">
            <Link href={`/products?category=${product.category.slug}`} className="text-wine-700 underline">
              {product.category.name}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{product.name}</h1>
          {product.spec && <p className="text-earth-600">{product.spec}</p>}
          <p className="flex items-baseline gap-2">
            <span className="sr-only">{t("price")}</span>
            <Price fen={product.priceFen} className="text-3xl font-bold text-wine-700" />
            <span className="text-sm text-earth-600">{t("perUnit", { unit: product.unit })}</span>
          </p>
          <p>
            <span className="sr-only">{t("stock")}</span>{" "}
            <ClientMessages group="stock">
              <LiveStock productId={product.id} stock={product.stock} unit={product.unit} />
            </ClientMessages>
          </p>
          <PriceTierList listPriceFen={product.priceFen} tiers={product.priceTiers} minOrderQuantity={product.minOrderQuantity} unit={product.unit} />
          {product.stock >= Math.max(1, product.minOrderQuantity) && <AddToCart productId={product.id} stock={product.stock} unit={product.unit} minOrderQuantity={product.minOrderQuantity} />}
          <BenefitBreakdown product={product} />
        </div>
      </div>

      <section aria-labelledby="details-title" className="grid gap-6 md:grid-cols-2">
        <div>
          <h2 id="details-title" className="text-xl font-semibold">
            {t("details")}
          </h2>
          <p className="mt-2 leading-relaxed">{product.description}</p>
        </div>
        <ProductFacts product={product} />
      </section>
    </article>
  );
}
