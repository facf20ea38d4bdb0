import { useTranslations } from "next-intl";
import type { ProductDetail } from "./types";

export function ProductGallery({ product }: { product: Pick<ProductDetail, "name" | "images"> }) {
  const t = useTranslations("product");
  return (
    <section aria-label={t("gallery")} className="space-y-2">
      {product.images.map((img, i) => (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={img.url}
          src={img.url}
          alt={i === 0 ? img.alt : t("photoOf", { name: product.name, n: i + 1 })}
          width={800}
          height={800}
          className="aspect-square w-full rounded-2xl bg-earth-100 object-cover"
          fetchPriority={i === 0 ? "high" : "auto"}
        />
      ))}
    </section>
  );
}
