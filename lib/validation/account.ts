// Account input rules, shared by forms and server actions. Error messages are keys into messages/*.json
// ("validation.*"), translated where they are shown.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { z } from "zod";
import { text } from "./text";

/** Beijing's 16 districts, by stable code. */
export const BEIJING_DISTRICTS = [
  { code: "dongcheng", zh: "东城区", en: "Dongcheng" },
  { code: "xicheng", zh: "西城区", en: "Xicheng" },
  { code: "chaoyang", zh: "朝阳区", en: "Chaoyang" },
  { code: "haidian", zh: "海淀区", en: "Haidian" },
  { code: "fengtai", zh: "丰台区", en: "Fengtai" },
  { code: "shijingshan", zh: "石景山区", en: "Shijingshan" },
  { code: "mentougou", zh: "门头沟区", en: "Mentougou" },
  { code: "fangshan", zh: "房山区", en: "Fangshan" },
  { code: "tongzhou", zh: "通州区", en: "Tongzhou" },
  { code: "shunyi", zh: "顺义区", en: "Shunyi" },
  { code: "changping", zh: "昌平区", en: "Changping" },
  { code: "daxing", zh: "大兴区", en: "Daxing" },
  { code: "huairou", zh: "怀柔区", en: "Huairou" },
  { code: "pinggu", zh: "平谷区", en: "Pinggu" },
  { code: "miyun", zh: "密云区", en: "Miyun" },
  { code: "yanqing", zh: "延庆区", en: "Yanqing" },
] as const;

export type DistrictCode = (typeof BEIJING_DISTRICTS)[number]["code"];
const districtCodes = BEIJING_DISTRICTS.map((d) => d.code) as [DistrictCode, ...DistrictCode[]];

export function districtName(code: string, locale: "zh-CN" | "en"): string {
  const d = BEIJING_DISTRICTS.find((x) => x.code === code);
  return d ? (locale === "en" ? d.en : d.zh) : code;
}

/** Mainland China mobile numbers: 11 digits starting 13–19; an optional +86 / 86 prefix, spaces and dashes are dropped. */
export function normalizeMainlandMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "").replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from this alphabet
// (no I, O, Z, S, V), the last a check character computed from the first 17 with these weights.
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isUnifiedSocialCreditCode(input: string): boolean {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  const check = USCC_ALPHABET[(31 - (sum % 31)) % 31];
  return code[17] === check;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * The lowest zxcvbn score accepted: 3 is "safely unguessable" (about 10^8 guesses and more), the usual bar for
 * a password stored with a slow hash (bcrypt here). A Chinese phrase with a digit ("葡萄园的秋天2024") scores 3.
 */
export const PASSWORD_MIN_SCORE = 3;

// Words that make a password guessable here in particular: the shop's own names and the demo accounts'.
const APP_WORDS = ["唐县好物", "唐县", "tangxian", "tangcounty", "tang county market", "tangcountymarket", "demo"];

// zxcvbn's lists are English: the pinyin and number words that top leaked Chinese password lists
// (我爱你 woaini, 1314 "for a lifetime", 520 "I love you", 5201314, aini, zhang/wang/li…) are ranked here too.
const CHINESE_COMMON = ["woaini", "5201314", "1314", "520", "1314520", "aini", "woaini1314", "iloveyou", "zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "beijing", "china", "zhongguo", "xiaoming", "qwe123", "abc123"];

let strength: ZxcvbnFactory | undefined;

/** One zxcvbn, set up on first use (its dictionaries take a moment to rank): common passwords, words and names in
 * English, keyboard layouts, and the shop's own words. */
function estimator(): ZxcvbnFactory {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, app: APP_WORDS, chinese: CHINESE_COMMON },
    graphs: zxcvbnCommon.adjacencyGraphs,
    // Only the first 64 characters are scored (64 that pass are strong anyway), and few l33t substitutions are
    // tried: with the defaults a 128-character password takes seconds of CPU, a cheap way to slow the server.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return strength;
}

/**
 * Why a password is too weak (a message key), or null. In order: its length; letters (any script: a Chinese phrase
 * with a digit is fine) and digits; the email's local part inside it; then zxcvbn's guess estimate, which knows
 * the passwords people choose most, keyboard walks, repeats and sequences, dates, and the user's own words.
 */
export function passwordProblem(password: string, email = "", name = ""): string | null {
  if (password.length < PASSWORD_MIN) return "validation.passwordTooShort";
  if (password.length > PASSWORD_MAX) return "validation.passwordTooLong";
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return "validation.passwordLettersDigits";
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) return "validation.passwordContainsEmail";
  const userWords = [local, ...local.split(/[._+-]/), name.trim()].filter((w) => w.length >= 2);
  if (estimator().check(password, userWords).score < PASSWORD_MIN_SCORE) return "validation.passwordCommon";
  return null;
}

const email = text()
  .trim()
  .toLowerCase()
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

// Sign-up and reset check the length in passwordProblem (one message); sign-in only caps it.
const password = z.string();

export const signInSchema = z.object({
  email,
  password: password.min(1, "validation.passwordRequired").max(PASSWORD_MAX, "validation.passwordTooLong"),
  next: text().optional(),
});

export const signUpSchema = z
  .object({
    name: text().trim().min(1, "validation.nameRequired").max(40, "validation.nameTooLong"),
    email,
    password,
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email, v.name);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: text().min(20, "auth.errors.tokenInvalid").max(200, "auth.errors.tokenInvalid"), password })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

const mobile = text().transform((v, ctx) => {
    const n = normalizeMainlandMobile(v);
    if (!n) ctx.addIssue({ code: "custom", message: "validation.phoneInvalid" });
    return n ?? "";
  });

export const profileSchema = z.object({
  name: text().trim().min(1, "validation.nameRequired").max(40, "validation.nameTooLong"),
  phone: z.union([z.literal("").transform(() => null), mobile]),
});

export const addressSchema = z.object({
  id: text().max(40).optional().transform((v) => v || undefined),
  recipient: text().trim().min(1, "validation.recipientRequired").max(40, "validation.nameTooLong"),
  phone: mobile,
  district: z.enum(districtCodes, "validation.districtInvalid"),
  street: text().trim().min(4, "validation.streetTooShort").max(200, "validation.streetTooLong"),
  isDefault: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const institutionSchema = z.object({
  unitName: text().trim().min(2, "validation.unitNameRequired").max(100, "validation.unitNameTooLong"),
  invoiceTitle: text().trim().min(2, "validation.invoiceTitleRequired").max(100, "validation.invoiceTitleTooLong"),
  taxId: text()
    .trim()
    .toUpperCase()
    .refine(isUnifiedSocialCreditCode, "validation.taxIdInvalid"),
});
