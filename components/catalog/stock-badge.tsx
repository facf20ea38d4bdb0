import { stockLevel } from "@/lib/domain/catalog";
import type { Translate } from "@/lib/i18n/translate";

export function StockBadge({ stock, unit, t }: { stock: number; unit: string; t: Translate }) {
  const level = stockLevel(stock);
  const style =
    level === "soldOut" ? "bg-earth-100 text-earth-600" : level === "low" ? "bg-wine-50 text-wine-700" : "bg-leaf-50 text-leaf-700";
  const label =
    level === "soldOut"
      ? t("product.soldOut")
      : level === "low"
        ? t("product.lowStock", { count: stock, unit })
        : t("product.inStock", { count: stock, unit });
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${style}`}>{label}</span>;
}
