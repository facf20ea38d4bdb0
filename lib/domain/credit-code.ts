// 统一社会信用代码 (unified social credit code, GB 32100-2015): the 18-character id an organisation's profile
// carries (budget units, unions, SOEs and enterprises alike) and its VAT invoices quote as the buyer's tax id.
// Pure: the organisation form and the admin's screens call parseCreditCode; problems are message keys under
// "org.creditCode" (messages/*.json).
//
// Layout: 1 registration authority, 2 organisation type, 3–8 administrative division (GB/T 2260, digits),
// 9–17 the organisation code (主体标识码, GB 11714: 8 characters and its own check character at 17), 18 the
// check character (ISO 7064 MOD 31-3 over the 31-character alphabet without I, O, S, V, Z).
//
// The two check characters, and which one refuses a code:
// - Position 18 is always checked. MOD 31-3 catches every single wrong character and every swap of two
//   neighbours (tests/unit/credit-code.test.ts tries them all on real codes), the typing mistakes that matter.
//   Known exception: some codes issued in Fujian's 2015 pilot fail it (91350100M0001TGQXM and two more, listed in
//   github.com/bluesky335/IDCheck's README); they are refused here, and such an organisation needs an admin.
// - Position 17, the organisation code's own check character (GB 11714: weights 3,7,9,10,5,8,4,2 over 0–9 and
//   A–Z valued 10–35; 11 − Σ mod 11; 10 → X, 11 → 0), is computed and reported as `orgCodeValid` but refuses a
//   code only with `{ strictOrgCode: true }`. It adds nothing against a single mistyped character (position 18
//   already catches those) and little against two, while refusing a code a registry really issued would lock a
//   real organisation out. Evidence, either way: all 200 real codes in python-stdnum's test list (143 of them
//   个体工商户, 92…) and the three Fujian pilot codes satisfy GB 11714. 个体工商户 generally had no organisation
//   code before the 2015 reform, so theirs were assigned with the new codes — where an exception would be
//   expected — but we found none, and cannot query the registry from here. So: warn, do not refuse.

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export const CREDIT_CODE_PROBLEMS = ["empty", "length", "character", "checkCharacter", "orgCodeCheck"] as const;
export type CreditCodeProblem = (typeof CREDIT_CODE_PROBLEMS)[number];

/** What the first two characters say an organisation is (GB 32100 appendix: authority + type). */
export type CreditCodeKind =
  | "governmentOrgan" // 11 机关
  | "publicInstitution" // 12 事业单位
  | "massOrganisation" // 13 群众团体 (编制 managed centrally)
  | "socialOrganisation" // 51 社会团体, 52 民办非企业单位, 53 基金会
  | "union" // 81 基层工会
  | "enterprise" // 91 企业 (SOEs included)
  | "individualBusiness" // 92 个体工商户
  | "farmersCooperative" // 93 农民专业合作社
  | "other";

export const CREDIT_CODE_KINDS: readonly CreditCodeKind[] = ["governmentOrgan", "publicInstitution", "massOrganisation", "socialOrganisation", "union", "enterprise", "individualBusiness", "farmersCooperative", "other"];

const KINDS: Record<string, CreditCodeKind> = {
  "11": "governmentOrgan",
  "12": "publicInstitution",
  "13": "massOrganisation",
  "51": "socialOrganisation",
  "52": "socialOrganisation",
  "53": "socialOrganisation",
  "81": "union",
  "91": "enterprise",
  "92": "individualBusiness",
  "93": "farmersCooperative",
};

export interface CreditCode {
  /** The normalised 18 characters, as stored. */
  code: string;
  registrationAuthority: string;
  organisationType: string;
  /** GB/T 2260 division of the registering office, e.g. 110105 (Chaoyang, Beijing); 100000 for national. */
  division: string;
  /** The 9-character organisation code (组织机构代码), as GB 11714 writes it: XXXXXXXX-X. */
  organisationCode: string;
  kind: CreditCodeKind;
  /** Whether the organisation code's own check character (position 17) holds (see the note at the top). */
  orgCodeValid: boolean;
}

export type CreditCodeResult = { ok: true; value: CreditCode } | { ok: false; problem: CreditCodeProblem; normalized: string };

/** Trimmed, full-width letters and digits made half-width (a Chinese keyboard's ＡＢＣ１２３), upper-cased. */
export function normalizeCreditCode(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, " ")
    .trim()
    .toUpperCase();
}

/** The check character (position 18) for the first 17 characters; null if one is outside the alphabet. */
export function creditCodeCheckCharacter(body17: string): string | null {
  if (body17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(body17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714's check character for an organisation code's first 8 characters (0–9, A–Z); null if not such. */
export function orgCodeCheckCharacter(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A credit code as typed, checked: the normalised code and its parts, or the first problem found. */
export function parseCreditCode(input: string, options: { strictOrgCode?: boolean } = {}): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code === "") return { ok: false, problem: "empty", normalized: code };
  if (Array.from(code).length !== 18) return { ok: false, problem: "length", normalized: code };
  if (!SHAPE.test(code)) return { ok: false, problem: "character", normalized: code };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, problem: "checkCharacter", normalized: code };
  const orgCodeValid = orgCodeCheckCharacter(code.slice(8, 16)) === code[16];
  if (!orgCodeValid && options.strictOrgCode) return { ok: false, problem: "orgCodeCheck", normalized: code };
  return {
    ok: true,
    value: {
      code,
      registrationAuthority: code[0]!,
      organisationType: code[1]!,
      division: code.slice(2, 8),
      organisationCode: `${code.slice(8, 16)}-${code[16]}`,
      kind: KINDS[code.slice(0, 2)] ?? "other",
      orgCodeValid,
    },
  };
}

export const isCreditCode = (input: string, options?: { strictOrgCode?: boolean }): boolean => parseCreditCode(input, options).ok;
