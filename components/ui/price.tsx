import { useFormatter } from "next-intl";
import { formatMoney } from "@/lib/i18n/format";

/** An amount of fen as ¥1,234.50 in the reader's locale (server or client component). */
export function Price({ fen, className }: { fen: number | bigint; className?: string }) {
  const format = useFormatter();
  return <span className={className ? `tabular-nums ${className}` : "tabular-nums"}>{formatMoney(format, fen)}</span>;
}
