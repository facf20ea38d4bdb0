import { getImageProps } from "next/image";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { stockLevel } from "@/lib/domain/catalog";
import { formatMoney } from "@/lib/i18n/format";
import type { ProductCardData } from "./types";

/**
 * How a card's photo loads. "lcp": the first card of a list at the top of the page, the likely largest paint on a
 * phone (two cards a row): fetched at once and first. "eager": the rest of that first row, fetched at once. "lazy"
 * (default): when it nears the viewport. Next 16 advises loading/fetchPriority over `preload` here: which card is
 * the largest paint depends on the viewport, and React already emits a preload for an eager, high-priority image.
 */
export type PhotoLoading = "lcp" | "eager" | "lazy";

const photoLoadingProps = {
  lcp: { loading: "eager", fetchPriority: "high" },
  eager: { loading: "eager" },
  lazy: {},
} as const;

/**
 * The card's photo as a plain <img>, rendered on the server: next/image's props (the URL through lib/image-loader.ts,
 * a srcset for an uploaded photo, lazy loading) without its client component, so twelve cards are twelve elements
 * in the page's payload rather than twelve components to hydrate. Its position and fit are `.card-photo > img`
 * (app/globals.css), not the inline style `fill` would repeat on every card.
 */
function CardPhoto({ src, alt, loading }: { src: string; alt: string; loading: PhotoLoading }) {
  const { props } = getImageProps({
    src,
    alt,
    fill: true,
    sizes: "(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw",
    // Seed illustrations are SVG: nothing for an optimiser to do. Uploaded photos: lib/image-loader.ts.
    unoptimized: src.endsWith(".svg"),
    ...photoLoadingProps[loading],
  });
  const { style: _fillStyle, ...img } = props;
  // eslint-disable-next-line @next/next/no-img-element -- next/image's own props, without its client component
  return <img {...img} alt={alt} />;
}

/** A card's name is one level below the heading it sits under: h2 straight under a page's h1, h3 under a section. */
export type CardHeading = "h2" | "h3";

/** Styled by the `card*` classes in app/globals.css (why named classes: the comment there). */
export function ProductCard({ product, photoLoading = "lazy", heading: Heading = "h3" }: { product: ProductCardData; photoLoading?: PhotoLoading; heading?: CardHeading }) {
  const t = useTranslations("product");
  const format = useFormatter();
  const soldOut = stockLevel(product.stock) === "soldOut";
  return (
    <article className="card">
      <Link href={`/products/${product.slug}`}>
        <div className="card-photo">
          {product.image && <CardPhoto src={product.image.url} alt={product.image.alt} loading={photoLoading} />}
          {soldOut && <span className="absolute left-2 top-2 rounded bg-earth-900/80 px-2 py-0.5 text-xs font-medium text-white">{t("soldOut")}</span>}
        </div>
        <div className="card-body">
          <Heading className="card-name">{product.name}</Heading>
          {/* One string, one text node (JSX's three would be joined by <!-- --> markers in the HTML). */}
          <p className="card-meta">{`${product.village.name} · ${product.cooperative.name}`}</p>
          {/* Not <Price>: its span would be one more element per card on the list pages (.card-price has its tabular-nums). */}
          <p className="card-price">{formatMoney(format, product.priceFen)}</p>
          {product.unitBenefitFen > 0 && (
            <p className="card-benefit">
              {`${t("benefitPerUnit", { amount: formatMoney(format, product.unitBenefitFen) })} · ${t("households", { count: product.householdCount })}`}
            </p>
          )}
        </div>
      </Link>
    </article>
  );
}

/** A phone shows two cards a row: with `aboveFold`, the first is the largest paint and the second loads with it. */
const photoLoadingAt = (i: number): PhotoLoading => (i === 0 ? "lcp" : i === 1 ? "eager" : "lazy");

/** `aboveFold`: the grid starts in the first screen (the catalog); elsewhere every photo loads lazily. */
export function ProductGrid({ products, aboveFold = false, heading = "h3" }: { products: ProductCardData[]; aboveFold?: boolean; heading?: CardHeading }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.slug} className="flex">
          <ProductCard product={p} photoLoading={aboveFold ? photoLoadingAt(i) : "lazy"} heading={heading} />
        </li>
      ))}
    </ul>
  );
}
