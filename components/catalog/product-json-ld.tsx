import { stockLevel } from "@/lib/domain/catalog";
import { absoluteUrl } from "@/lib/server/env";
import type { ProductDetail } from "@/lib/server/queries/catalog";

/** schema.org Product for search engines. `<` is escaped so text from the database cannot close the script. */
export function ProductJsonLd({ product }: { product: ProductDetail }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    image: product.images.map((i) => absoluteUrl(i.url)),
    sku: product.slug,
    category: product.category.name,
    brand: { "@type": "Organization", name: product.cooperative.name },
    countryOfOrigin: "CN",
    offers: {
      "@type": "Offer",
      url: absoluteUrl(`/products/${product.slug}`),
      priceCurrency: "CNY",
      price: (product.priceFen / 100).toFixed(2),
      availability: stockLevel(product.stock) === "soldOut" ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
      seller: { "@type": "Organization", name: product.cooperative.name },
    },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
