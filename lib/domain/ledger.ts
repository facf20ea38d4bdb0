// The benefit ledger's arithmetic: which entries a payment writes, which a refund writes, and what they add to
// the rollups. Pure: no Next, no Prisma. The server module (lib/server/ledger) only loads snapshots, calls
// these, and stores the result; the reconciliation command checks the stored ledger against them.
import { allocateLargestRemainder, ruleFromColumns, splitLine, type Beneficiary } from "./benefit";
import { beijingDayOf } from "./calendar";

export type LedgerKind = "COOPERATIVE_REVENUE" | "HOUSEHOLD_BENEFIT";

/** An order line as the order stored it when it was placed: a later change to the product changes nothing here. */
export interface LineSnapshot {
  orderItemId: string;
  cooperativeId: string;
  villageId: string;
  categoryId: string;
  unitPriceFen: number;
  quantity: number;
  benefitRuleType: "PERCENT_OF_REVENUE" | "FIXED_PER_UNIT";
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
  beneficiaries: readonly Beneficiary[];
}

export interface PlannedEntry {
  kind: LedgerKind;
  orderItemId: string;
  cooperativeId: string;
  householdId: string | null;
  villageId: string;
  categoryId: string;
  amountFen: number;
  units: number;
}

/** Which party of which line an entry is for: a payment's entry and the refunds that reverse it share it. */
export const partyKey = (e: { orderItemId: string; householdId: string | null }) => `${e.orderItemId}:${e.householdId ?? "cooperative"}`;

/** The beneficiaries column of an order item (JSON), checked: anything else is a corrupt snapshot. */
export function parseBeneficiaries(json: unknown): Beneficiary[] {
  if (!Array.isArray(json)) throw new TypeError("order item beneficiaries must be an array");
  return json.map((b: unknown) => {
    const { householdId, weight } = (b ?? {}) as { householdId?: unknown; weight?: unknown };
    if (typeof householdId !== "string" || typeof weight !== "number") throw new TypeError("bad beneficiary in order item snapshot");
    return { householdId, weight };
  });
}

/**
 * The entries a payment writes: for each line, the cooperative's revenue (carrying the line's units) and one
 * entry per household whose share is not zero. Their sum is the order's items revenue, to the fen.
 */
export function planPayment(lines: readonly LineSnapshot[]): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  for (const line of [...lines].sort((a, b) => (a.orderItemId < b.orderItemId ? -1 : a.orderItemId > b.orderItemId ? 1 : 0))) {
    const split = splitLine(ruleFromColumns(line), line.unitPriceFen, line.quantity, line.beneficiaries);
    const base = { orderItemId: line.orderItemId, cooperativeId: line.cooperativeId, villageId: line.villageId, categoryId: line.categoryId };
    entries.push({ ...base, kind: "COOPERATIVE_REVENUE", householdId: null, amountFen: split.cooperativeFen, units: line.quantity });
    for (const h of split.households) {
      if (h.fen > 0) entries.push({ ...base, kind: "HOUSEHOLD_BENEFIT", householdId: h.householdId, amountFen: h.fen, units: 0 });
    }
  }
  return entries;
}

/**
 * How much of the items revenue a refund of `refundedFen` (the order's running total of refunds, shipping
 * included) takes back: the same fraction of the items as of the whole order, rounded down, so a full refund
 * takes back exactly the items revenue.
 */
export function refundedItemsFen(refundedFen: number, itemsFen: number, totalFen: number): number {
  if (totalFen <= 0 || refundedFen <= 0) return 0;
  const refunded = Math.min(refundedFen, totalFen);
  if (refunded === totalFen) return itemsFen;
  return Number((BigInt(refunded) * BigInt(itemsFen)) / BigInt(totalFen));
}

/**
 * The reversing entries that bring the ledger of one order to a refunded total. Refunds are cumulative: the
 * reversal of every payment entry is the largest-remainder share of `refundedItemsFen` by the entries' amounts,
 * minus what earlier refunds already reversed. So the end state depends only on the final refunded total, not on
 * how many refunds made it or in what order their events arrived.
 *
 * `paid`: the payment's entries; `reversed`: the sum of the refund entries already written per party (≤ 0).
 */
export function planRefund(paid: readonly PlannedEntry[], reversed: ReadonlyMap<string, number>, refundedItems: number): PlannedEntry[] {
  const paidTotal = paid.reduce((s, e) => s + e.amountFen, 0);
  if (paidTotal <= 0) return [];
  const target = Math.min(Math.max(refundedItems, 0), paidTotal);
  const shares = allocateLargestRemainder(target, paid.map((e) => Math.max(e.amountFen, 0)));
  const out: PlannedEntry[] = [];
  paid.forEach((e, i) => {
    const delta = -(shares[i] ?? 0) - (reversed.get(partyKey(e)) ?? 0);
    if (delta !== 0) out.push({ ...e, amountFen: delta, units: 0 });
  });
  return out;
}

export type Dimension = "VILLAGE" | "COOPERATIVE" | "CATEGORY" | "PRODUCT" | "TOTAL";
/** The dimensions household income is rolled up along per month (not per product). */
export type HouseholdDimension = Exclude<Dimension, "PRODUCT">;

export interface SalesDelta {
  dimension: Dimension;
  key: string;
  orders: number;
  units: number;
  revenueFen: number;
  householdBenefitFen: number;
}

export interface HouseholdDelta {
  householdId: string;
  cooperativeId: string;
  villageId: string;
  categoryId: string;
  amountFen: number;
}

export interface HouseholdMonthDelta {
  dimension: HouseholdDimension;
  key: string;
  householdId: string;
  amountFen: number;
}

/** A buyer's paid order, counted once for the county (key "") and once per cooperative it bought from. */
export interface BuyerDelta {
  key: string;
  buyerId: string;
  orders: number;
}

export interface RollupDeltas {
  /** The sales rollups (daily and monthly rows get the same deltas). */
  sales: SalesDelta[];
  /** HouseholdDailyIncome. */
  households: HouseholdDelta[];
  /** HouseholdMonthlyIncome. */
  householdMonths: HouseholdMonthDelta[];
  /** BuyerMonthlyOrders: a payment's only. */
  buyers: BuyerDelta[];
}

/** What the rollups need to know besides the entries: each line's product, and who paid (payments only). */
export interface RollupContext {
  productOf: ReadonlyMap<string, string>;
  /** The order's buyer: set for a payment, whose order counts toward "buyers"; null for a refund. */
  buyerId: string | null;
}

// A stable order (by key), so concurrent transactions lock rollup rows in the same order and cannot deadlock.
const sortedValues = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/**
 * What a set of entries (one payment, or one refund) adds to the rollups. `countsOrder`: a payment counts its
 * order once per key of each dimension (and its buyer once per month and key); a refund changes money only.
 */
export function rollupDeltas(entries: readonly PlannedEntry[], countsOrder: boolean, { productOf, buyerId }: RollupContext): RollupDeltas {
  const sales = new Map<string, SalesDelta>();
  const add = (dimension: Dimension, key: string, e: PlannedEntry) => {
    const id = `${dimension}:${key}`;
    const row = sales.get(id) ?? { dimension, key, orders: countsOrder ? 1 : 0, units: 0, revenueFen: 0, householdBenefitFen: 0 };
    row.units += e.units;
    row.revenueFen += e.amountFen;
    if (e.kind === "HOUSEHOLD_BENEFIT") row.householdBenefitFen += e.amountFen;
    sales.set(id, row);
  };
  const households = new Map<string, HouseholdDelta>();
  const months = new Map<string, HouseholdMonthDelta>();
  const addMonth = (dimension: HouseholdDimension, key: string, householdId: string, amountFen: number) => {
    const id = `${dimension}:${key}:${householdId}`;
    const row = months.get(id) ?? { dimension, key, householdId, amountFen: 0 };
    row.amountFen += amountFen;
    months.set(id, row);
  };
  const buyers = new Map<string, BuyerDelta>();
  const addBuyer = (key: string) => {
    if (countsOrder && buyerId !== null && !buyers.has(key)) buyers.set(key, { key, buyerId, orders: 1 });
  };
  for (const e of entries) {
    const productId = productOf.get(e.orderItemId);
    if (productId === undefined) throw new TypeError(`no product for order item ${e.orderItemId}`);
    add("VILLAGE", e.villageId, e);
    add("COOPERATIVE", e.cooperativeId, e);
    add("CATEGORY", e.categoryId, e);
    add("PRODUCT", productId, e);
    add("TOTAL", "", e);
    addBuyer("");
    addBuyer(e.cooperativeId);
    if (e.kind === "HOUSEHOLD_BENEFIT" && e.householdId) {
      const id = [e.householdId, e.cooperativeId, e.villageId, e.categoryId].join(":");
      const row = households.get(id) ?? { householdId: e.householdId, cooperativeId: e.cooperativeId, villageId: e.villageId, categoryId: e.categoryId, amountFen: 0 };
      row.amountFen += e.amountFen;
      households.set(id, row);
      addMonth("VILLAGE", e.villageId, e.householdId, e.amountFen);
      addMonth("COOPERATIVE", e.cooperativeId, e.householdId, e.amountFen);
      addMonth("CATEGORY", e.categoryId, e.householdId, e.amountFen);
      addMonth("TOTAL", "", e.householdId, e.amountFen);
    }
  }
  return { sales: sortedValues(sales), households: sortedValues(households), householdMonths: sortedValues(months), buyers: sortedValues(buyers) };
}

/** The first day of a YYYY-MM-DD day's month: the monthly rollups' `month`. */
export const monthOfDay = (day: string) => `${day.slice(0, 7)}-01`;

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD (the ledger's day). */
export const shanghaiDay = beijingDayOf;
