// Stock as a buyer should see it, without writing anything while a page renders: units held by an unpaid order
// whose reservation has expired count as on sale already (the sweep gives them back on its timer, and placing
// an order sweeps first), and the next expiry says how long the figure stays right, so a cached read lives no
// longer than that. Pure, unit-tested in tests/unit/catalog-tags.test.ts.
import { stockLevel } from "@/lib/domain/catalog";

export interface ActiveHold {
  quantity: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface Availability {
  stock: number;
  /** Epoch ms when an expiring hold next changes what is shown (`exact`: the number; else the stock level); null: never. */
  validUntil: number | null;
}

export function availability(stock: number, holds: readonly ActiveHold[], now: number, exact: boolean): Availability {
  const upcoming = holds.filter((h) => h.expiresAt > now).sort((a, b) => a.expiresAt - b.expiresAt);
  const shown = stock + holds.filter((h) => h.expiresAt <= now).reduce((sum, h) => sum + h.quantity, 0);
  let later = shown;
  for (const h of upcoming) {
    later += h.quantity;
    if (exact ? later !== shown : stockLevel(later) !== stockLevel(shown)) return { stock: shown, validUntil: h.expiresAt };
  }
  return { stock: shown, validUntil: null };
}

/** The earliest of several validity ends (null: none ends). */
export function earliest(ends: readonly (number | null)[]): number | null {
  const set = ends.filter((e): e is number => e !== null);
  return set.length === 0 ? null : Math.min(...set);
}
