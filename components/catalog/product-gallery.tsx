import Image from "next/image";
import { useTranslations } from "next-intl";
import type { ProductDetail } from "./types";

// Seed illustrations are SVG: nothing for an optimiser to do. Uploaded photos go through lib/image-loader.ts.
const isSvg = (src: string) => src.split("?", 1)[0]!.endsWith(".svg");

/**
 * All of a product's photos, without client JavaScript: a row that scrolls sideways (swipe on a phone, arrow keys
 * once focused) and thumbnails linking to each photo. The first photo is the page's largest paint: eager and
 * fetched first (Next 16 advises this over `preload` with either prop set; React emits the preload itself).
 */
export function ProductGallery({ product }: { product: Pick<ProductDetail, "name" | "images"> }) {
  const t = useTranslations("product");
  const { images } = product;
  if (!images.length) return <div className="aspect-square w-full rounded-2xl bg-earth-100" />;
  const total = images.length;
  const altOf = (img: (typeof images)[number], i: number) => (i === 0 || img.alt !== product.name ? img.alt : t("photoOf", { name: product.name, n: i + 1 }));
  return (
    <section aria-label={t("gallery")} className="min-w-0 space-y-2">
      <ul tabIndex={total > 1 ? 0 : undefined} className="flex snap-x snap-mandatory gap-2 overflow-x-auto rounded-2xl focus-visible:outline-2 focus-visible:outline-wine-700">
        {images.map((img, i) => (
          <li key={img.url} id={`photo-${i + 1}`} className="relative aspect-square w-full shrink-0 snap-center overflow-hidden rounded-2xl bg-earth-100">
            <Image
              src={img.url}
              alt={altOf(img, i)}
              fill
              sizes="(min-width: 768px) 50vw, 100vw"
              className="object-cover"
              unoptimized={isSvg(img.url)}
              {...(i === 0 ? { loading: "eager" as const, fetchPriority: "high" as const } : {})}
            />
            {total > 1 && (
              <span className="absolute bottom-2 right-2 rounded bg-earth-900/70 px-2 py-0.5 text-xs text-white" aria-hidden="true">
                {i + 1}/{total}
              </span>
            )}
          </li>
        ))}
      </ul>
      {total > 1 && (
        <ul className="flex flex-wrap gap-2">
          {images.map((img, i) => (
            <li key={img.url}>
              <a href={`#photo-${i + 1}`} aria-label={t("showPhoto", { n: i + 1 })} className="block overflow-hidden rounded-lg border border-earth-100 focus-visible:outline-2 focus-visible:outline-wine-700">
                <Image src={img.url} alt="" width={56} height={56} className="h-14 w-14 object-cover" unoptimized={isSvg(img.url)} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
