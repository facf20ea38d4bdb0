import { useTranslations } from "next-intl";
import { stockLevel } from "@/lib/domain/catalog";

const style = { soldOut: "bg-earth-100 text-earth-600", low: "bg-wine-50 text-wine-700", inStock: "bg-leaf-50 text-leaf-700" } as const;

/** "有货（179瓶）" / "In stock (179 bottles)": the count and its unit come from one plural message. */
export function StockBadge({ stock, unit }: { stock: number; unit: string }) {
  const t = useTranslations("product");
  const level = stockLevel(stock);
  const label = level === "soldOut" ? t("soldOut") : t(level === "low" ? "lowStock" : "inStock", { quantity: t("quantity", { count: stock, unit }) });
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${style[level]}`}>{label}</span>;
}
