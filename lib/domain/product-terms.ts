// A cooperative manager's benefit-rule form, parsed and checked: the rule (a percentage of the line's revenue,
// or a fixed amount per unit) and each participating household's weight. Pure; the same validateBenefitRule
// the ledger relies on decides what is allowed, so nothing the ledger cannot apply is ever saved.
import { BenefitRuleError, validateBenefitRule, type BenefitRule, type Beneficiary } from "./benefit";
import { parseYuanToFen } from "./money";

export interface ProductTermsInput {
  ruleType?: string;
  percent?: string;
  fixedYuan?: string;
  /** Household id → weight, as typed. */
  weights: Record<string, string | undefined>;
}

export type ProductTermsResult =
  | { ok: true; rule: BenefitRule; beneficiaries: Beneficiary[] }
  | { ok: false; fieldErrors: Record<string, string> };

/** "12.5" → 1250 basis points; at most two decimals; a sign is kept so a negative gets its own message. */
export function parsePercentToBasisPoints(input: string): number | null {
  const m = /^\s*(-?)(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(input);
  if (!m) return null;
  const bp = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -bp : bp;
}

export function parseProductTerms(input: ProductTermsInput, unitPriceFen: number): ProductTermsResult {
  const fieldErrors: Record<string, string> = {};
  let rule: BenefitRule | null = null;
  if (input.ruleType === "PERCENT_OF_REVENUE") {
    const bp = parsePercentToBasisPoints(input.percent ?? "");
    if (bp === null) fieldErrors.percent = "benefit.errors.percentInvalid";
    else rule = { type: "PERCENT_OF_REVENUE", basisPoints: bp };
  } else if (input.ruleType === "FIXED_PER_UNIT") {
    const raw = (input.fixedYuan ?? "").trim();
    const negative = raw.startsWith("-");
    const fen = parseYuanToFen(negative ? raw.slice(1) : raw);
    if (fen === null) fieldErrors.fixedYuan = "benefit.errors.amountInvalid";
    else rule = { type: "FIXED_PER_UNIT", fenPerUnit: negative ? -fen : fen };
  } else {
    fieldErrors.ruleType = "benefit.errors.ruleType";
  }

  const beneficiaries: Beneficiary[] = [];
  for (const [householdId, raw] of Object.entries(input.weights)) {
    const text = (raw ?? "").trim();
    if (text === "") continue;
    if (!/^-?\d{1,6}$/.test(text)) {
      fieldErrors[`w.${householdId}`] = "benefit.errors.weightInvalid";
      continue;
    }
    beneficiaries.push({ householdId, weight: Number(text) });
  }
  if (beneficiaries.some((b) => b.weight < 0)) fieldErrors.weights = "benefit.errors.badWeights";
  if (!fieldErrors.weights && beneficiaries.reduce((s, b) => s + b.weight, 0) <= 0) fieldErrors.weights = "benefit.errors.badWeights";

  if (rule) {
    try {
      validateBenefitRule(rule, unitPriceFen, beneficiaries);
    } catch (error) {
      if (!(error instanceof BenefitRuleError)) throw error;
      const field = error.code === "badWeights" ? "weights" : rule.type === "PERCENT_OF_REVENUE" ? "percent" : "fixedYuan";
      fieldErrors[field] ??= error.message;
    }
  }
  if (!rule || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, rule, beneficiaries: beneficiaries.filter((b) => b.weight > 0) };
}
