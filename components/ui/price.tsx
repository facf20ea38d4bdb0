import { formatFen } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/config";

export function Price({ fen, locale, className }: { fen: number; locale: Locale; className?: string }) {
  return <span className={`tabular-nums ${className ?? ""}`}>{formatFen(fen, locale)}</span>;
}
