// The benefit rules: how a paid order line is divided between the cooperative and the registered
// low-income households it supports. Pure: no Next, no Prisma. The product page's "where your money goes"
// and the benefit ledger both call splitLine(), so what a buyer is shown is what the ledger writes.

export type BenefitRule =
  | { type: "PERCENT_OF_REVENUE"; basisPoints: number } // 1500 = 15 % of the line's revenue
  | { type: "FIXED_PER_UNIT"; fenPerUnit: number }; // capped at the line's revenue

export interface Beneficiary {
  householdId: string;
  weight: number;
}

export interface Share {
  householdId: string;
  fen: number;
}

export interface LineSplit {
  revenueFen: number;
  poolFen: number;
  cooperativeFen: number;
  households: Share[];
}

export class BenefitRuleError extends Error {
  constructor(
    readonly code: "negativePercent" | "percentAbove100" | "negativeFixed" | "fixedAbovePrice" | "badWeights" | "notInteger",
    message: string,
  ) {
    super(message);
    this.name = "BenefitRuleError";
  }
}

const MAX_BASIS_POINTS = 10_000;

/** Refuses a rule that cannot be applied to a product at this price. Messages are keys into messages/*.json. */
export function validateBenefitRule(rule: BenefitRule, unitPriceFen: number, beneficiaries: readonly Beneficiary[]): void {
  if (rule.type === "PERCENT_OF_REVENUE") {
    if (!Number.isInteger(rule.basisPoints)) throw new BenefitRuleError("notInteger", "benefit.errors.notInteger");
    if (rule.basisPoints < 0) throw new BenefitRuleError("negativePercent", "benefit.errors.negativePercent");
    if (rule.basisPoints > MAX_BASIS_POINTS) throw new BenefitRuleError("percentAbove100", "benefit.errors.percentAbove100");
  } else {
    if (!Number.isInteger(rule.fenPerUnit)) throw new BenefitRuleError("notInteger", "benefit.errors.notInteger");
    if (rule.fenPerUnit < 0) throw new BenefitRuleError("negativeFixed", "benefit.errors.negativeFixed");
    if (rule.fenPerUnit > unitPriceFen) throw new BenefitRuleError("fixedAbovePrice", "benefit.errors.fixedAbovePrice");
  }
  const total = beneficiaries.reduce((s, b) => s + b.weight, 0);
  if (beneficiaries.some((b) => !Number.isInteger(b.weight) || b.weight < 0) || (beneficiaries.length > 0 && total <= 0)) {
    throw new BenefitRuleError("badWeights", "benefit.errors.badWeights");
  }
}

/** The line's household benefit pool in fen. Percentages round half up; a fixed amount is capped at revenue. */
export function benefitPool(rule: BenefitRule, revenueFen: number, quantity: number): number {
  if (!Number.isSafeInteger(revenueFen) || revenueFen < 0) throw new RangeError("revenue must be non-negative whole fen");
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError("quantity must be a non-negative integer");
  if (rule.type === "PERCENT_OF_REVENUE") {
    const bp = Math.min(Math.max(rule.basisPoints, 0), MAX_BASIS_POINTS);
    return Math.floor((revenueFen * bp + MAX_BASIS_POINTS / 2) / MAX_BASIS_POINTS);
  }
  return Math.min(Math.max(rule.fenPerUnit, 0) * quantity, revenueFen);
}

/**
 * Divides `total` fen among parts in proportion to `weights` by the largest-remainder method:
 * each part gets the floor of its exact share; the fen left over go one each to the largest remainders,
 * ties broken by position (callers pass parts in a stable order, e.g. by household id).
 * The parts always sum to `total`.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError("total must be non-negative whole fen");
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0) || weightSum <= 0) {
    throw new BenefitRuleError("badWeights", "benefit.errors.badWeights");
  }
  // Integer arithmetic throughout: total * w can exceed 2^53 only for absurd inputs, so use BigInt there.
  const T = BigInt(total);
  const S = BigInt(weightSum);
  const parts = weights.map((w, index) => {
    const exact = T * BigInt(w);
    return { index, floor: Number(exact / S), remainder: exact % S };
  });
  let left = total - parts.reduce((s, p) => s + p.floor, 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of byRemainder) {
    if (left === 0) break;
    p.floor += 1;
    left -= 1;
  }
  return parts.map((p) => p.floor);
}

/** Households in the stable order every allocation uses: by household id. */
export function stableBeneficiaries(beneficiaries: readonly Beneficiary[]): Beneficiary[] {
  return [...beneficiaries]
    .filter((b) => b.weight > 0)
    .sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
}

/**
 * The household benefit pool of a line shared by `householdCount` households (those with a weight above 0, as
 * stableBeneficiaries keeps): with none, the whole line is the cooperative's (pool 0). splitLine's pool; a product
 * card that only counts its households (the catalog listing) uses it directly.
 */
export function linePool(rule: BenefitRule, revenueFen: number, quantity: number, householdCount: number): number {
  return householdCount === 0 ? 0 : benefitPool(rule, revenueFen, quantity);
}

/**
 * Splits one order line: the pool goes to the households by weight, the rest to the cooperative.
 * With no participating households, the whole line is the cooperative's (pool 0).
 */
export function splitLine(rule: BenefitRule, unitPriceFen: number, quantity: number, beneficiaries: readonly Beneficiary[]): LineSplit {
  const revenueFen = unitPriceFen * quantity;
  const ordered = stableBeneficiaries(beneficiaries);
  const poolFen = linePool(rule, revenueFen, quantity, ordered.length);
  const amounts = allocateLargestRemainder(poolFen, ordered.map((b) => b.weight));
  const households = ordered.map((b, i) => ({ householdId: b.householdId, fen: amounts[i] ?? 0 }));
  return { revenueFen, poolFen, cooperativeFen: revenueFen - poolFen, households };
}

/** Reads the rule from the columns a product or an order item stores. */
export function ruleFromColumns(columns: {
  benefitRuleType: "PERCENT_OF_REVENUE" | "FIXED_PER_UNIT";
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
}): BenefitRule {
  return columns.benefitRuleType === "PERCENT_OF_REVENUE"
    ? { type: "PERCENT_OF_REVENUE", basisPoints: columns.benefitBasisPoints ?? 0 }
    : { type: "FIXED_PER_UNIT", fenPerUnit: columns.benefitFenPerUnit ?? 0 };
}
