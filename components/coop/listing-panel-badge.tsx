import { useTranslations } from "next-intl";
import type { ListingStatus } from "@/lib/domain/listing";

const tone: Record<ListingStatus, string> = {
  DRAFT: "bg-earth-100 text-earth-900",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  ON_SALE: "bg-leaf-50 text-leaf-700",
  OFF_SALE: "bg-earth-100 text-earth-600",
  REJECTED: "bg-wine-50 text-wine-700",
  ARCHIVED: "bg-earth-100 text-earth-600",
};

/** A listing state as a small coloured label (the text carries the meaning; the colour only helps). */
export function ListingBadge({ status }: { status: ListingStatus }) {
  const t = useTranslations("listing.status");
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${tone[status]}`}>{t(status)}</span>;
}
