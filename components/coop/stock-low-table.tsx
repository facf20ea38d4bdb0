import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/section";
import type { listLowStock } from "@/lib/server/listings/stock";
import { named } from "./dates";

type Row = Awaited<ReturnType<typeof listLowStock>>[number];

type SortableHeader = { header: React.ReactNode; ariaSort?: "ascending" | "descending" };

/**
 * The cooperative's products at or below their low-stock alert level, each with a link to adjust its stock.
 * `sortable` gives the sortable columns' header links (the page sorts in the database).
 */
export function StockLowTable({ products, sortable }: { products: Row[]; sortable?: Partial<Record<"product" | "stock" | "threshold", SortableHeader>> }) {
  const t = useTranslations("stock");
  const status = useTranslations("listing.status");
  const locale = useLocale();
  if (products.length === 0) return <Notice tone="good">{t("low.empty")}</Notice>;
  return (
    <DataTable
      label={t("low.label")}
      testId="low-stock"
      rows={products}
      rowKey={(p) => p.id}
      rowProps={(p) => ({ "data-product-id": p.id, "data-stock": p.stock })}
      minWidth="28rem"
      columns={[
        {
          key: "product",
          header: t("low.product"),
          ...sortable?.product,
          cell: (p) => (
            <Link href={`/coop/products/${p.id}/stock`} className="text-wine-700 underline">
              {named(p, locale)}
            </Link>
          ),
        },
        { key: "status", header: t("low.status"), cell: (p) => status(p.listingStatus) },
        { key: "stock", header: t("onSale"), ...sortable?.stock, numeric: true, cell: (p) => p.stock },
        {
          key: "reserved",
          header: (
            <abbr title={t("reserved")} className="no-underline">
              {t("reservedShort")}
            </abbr>
          ),
          numeric: true,
          cell: (p) => p.reserved,
        },
        { key: "threshold", header: t("low.alertAt"), ...sortable?.threshold, numeric: true, cell: (p) => p.lowStockThreshold },
      ]}
    />
  );
}
