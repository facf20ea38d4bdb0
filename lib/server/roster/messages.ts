import "server-only";
// A roster problem (lib/domain/roster.ts) as the form or preview shows it, in the reader's language.
import type { RowProblem } from "@/lib/domain/roster";
import type { Locale } from "@/lib/i18n/config";
import { translateDynamic } from "@/lib/i18n/translate";

export function problemText(locale: Locale, p: RowProblem): string {
  return translateDynamic(locale, `roster.problems.${p.key}`, p.params);
}

/** One message per field (the first problem of each), keyed as the form names its fields. */
export function problemFieldErrors(locale: Locale, problems: readonly RowProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= problemText(locale, p);
  return out;
}
