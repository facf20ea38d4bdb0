import Link from "next/link";
import { useTranslations } from "next-intl";

export type ProductSection = "details" | "photos" | "stock" | "batches";
const SECTIONS: readonly ProductSection[] = ["details", "photos", "stock", "batches"];

/** The sections of one product in the manager's area: details and listing, photos, stock, batches. */
export function ProductSubnav({ productId, current }: { productId: string; current: ProductSection }) {
  const t = useTranslations("productEditor.subnav");
  return (
    <nav aria-label={t("label")} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-2 px-1 text-sm">
        {SECTIONS.map((s) => (
          <li key={s}>
            <Link
              href={s === "details" ? `/coop/products/${productId}` : `/coop/products/${productId}/${s}`}
              aria-current={s === current ? "page" : undefined}
              className={`block whitespace-nowrap rounded-full px-3 py-1.5 font-medium ${s === current ? "bg-wine-700 text-white" : "bg-white shadow-sm hover:text-wine-700"}`}
            >
              {t(s)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
