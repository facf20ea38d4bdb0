import Image from "next/image";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { stockLevel } from "@/lib/domain/catalog";
import { formatMoney } from "@/lib/i18n/format";
import type { ProductCardData } from "./types";

export function ProductCard({ product }: { product: ProductCardData }) {
  const t = useTranslations("product");
  const format = useFormatter();
  const soldOut = stockLevel(product.stock) === "soldOut";
  return (
    <article className="group flex flex-1 flex-col overflow-hidden rounded-xl border border-earth-100 bg-white shadow-sm">
      <Link href={`/products/${product.slug}`} className="flex flex-1 flex-col">
        <div className="relative aspect-square bg-earth-100">
          {product.image && (
            <Image
              src={product.image.url}
              alt={product.image.alt}
              fill
              sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
              className="object-cover"
              // Seed illustrations are SVG: nothing for an optimiser to do. Uploaded photos: lib/image-loader.ts.
              unoptimized={product.image.url.endsWith(".svg")}
            />
          )}
          {soldOut && <span className="absolute left-2 top-2 rounded bg-earth-900/80 px-2 py-0.5 text-xs font-medium text-white">{t("soldOut")}</span>}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="line-clamp-2 font-medium group-hover:text-wine-700">{product.name}</h3>
          <p className="text-xs text-earth-600">
            {product.village.name} · {product.cooperative.name}
          </p>
          <p className="mt-auto pt-2 text-lg font-semibold text-wine-700">
            <Price fen={product.priceFen} />
          </p>
          {product.unitBenefitFen > 0 && (
            <p className="text-xs font-medium text-leaf-700">
              {t("benefitPerUnit", { amount: formatMoney(format, product.unitBenefitFen) })} · {t("households", { count: product.householdCount })}
            </p>
          )}
        </div>
      </Link>
    </article>
  );
}

export function ProductGrid({ products }: { products: ProductCardData[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p) => (
        <li key={p.slug} className="flex">
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
