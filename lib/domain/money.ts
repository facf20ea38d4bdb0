// Money is an integer number of fen (1 yuan = 100 fen), CNY. Formatting happens only at display, through
// next-intl's formatter (lib/i18n/format.ts formatMoney, the named format "money").

export type Fen = number;

export function assertFen(value: number, what = "amount"): asserts value is Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of fen, got ${value}`);
}

/**
 * Parses a yuan amount typed by a person ("12", "12.5", "12.50", "¥1,299") into fen.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(input: string): Fen | null {
  const cleaned = input.trim().replace(/^[¥￥]/, "").replace(/,/g, "").trim();
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const yuan = Number(match[1]);
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  return yuan * 100 + cents;
}

/** Basis points (1/100 of a percent) as a display string: 1500 → "15%", 1250 → "12.5%". */
export function formatBasisPoints(bp: number): string {
  const pct = bp / 100;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(2).replace(/0$/, "")}%`;
}
