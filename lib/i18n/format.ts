// Display helpers over next-intl's formatter (getFormatter / useFormatter / formatterFor), so every page
// formats money and Beijing dates the same way.
import type { createFormatter } from "use-intl/core";
import { assertFen } from "@/lib/domain/money";

type Formatter = Pick<ReturnType<typeof createFormatter>, "number">;

/** Fen as ¥1,234.50. Intl takes yuan: fen/100 is exact enough for display (|fen| < 2^53), never for arithmetic. */
export function formatMoney(format: Formatter, fen: number | bigint): string {
  const value = typeof fen === "bigint" ? Number(fen) : fen;
  assertFen(value);
  return format.number(value / 100, "money");
}

/** Fen as a number of yuan, for an ICU argument such as `{amount, number, money}`. */
export const yuan = (fen: number | bigint): number => Number(fen) / 100;
