import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import {
  addressSchema,
  BEIJING_DISTRICTS,
  districtName,
  institutionSchema,
  isUnifiedSocialCreditCode,
  normalizeMainlandMobile,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_MIN_SCORE,
  passwordProblem,
  resetPasswordSchema,
  signUpSchema,
} from "@/lib/validation/account";

// ---------------------------------------------------------------------------------------------------
// An independent GB 32100-2015 reference: the alphabet is the digits and capitals without I, O, S, V, Z,
// and the weight of position i is 3^i mod 31 (not copied from the module's table).
const REF_ALPHABET = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter((c) => !"IOSVZ".includes(c)).join("");
const REF_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

function referenceCheckChar(body17: string): string {
  if (body17.length !== 17) throw new Error(`body must be 17 characters: ${body17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = REF_ALPHABET.indexOf(body17[i]!);
    if (value < 0) throw new Error(`not in the alphabet: ${body17[i]}`);
    sum += value * REF_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return REF_ALPHABET[c === 31 ? 0 : c]!;
}

const withCheck = (body17: string) => body17 + referenceCheckChar(body17);

/** Returns a code with the same body and any check character but the right one. */
function withWrongCheck(body17: string): string {
  const right = referenceCheckChar(body17);
  return body17 + (right === "1" ? "2" : "1");
}

// Published examples (the standard's own sample and two well-known company registrations).
const PUBLISHED_CODES = ["91350100M000100Y43", "9144030071526726XG", "91330100799655058B"];

// Real-format bodies: registration department (1 org / 5 social / 9 industry & commerce / Y other),
// category, a Beijing or Hebei (Baoding, Tang County 130627) division code, a 9-character organisation code.
const BODIES = [
  "91110105MA01C3XK4", // a company in Chaoyang, Beijing
  "12110000400000001", // a public institution (事业单位), Beijing
  "52110108MJ0123456", // a social organisation, Haidian
  "93130627MA0DXY123", // a farmers' cooperative (农民专业合作社), Tang County
  "Y1130627000000000", // "other" registration authority
  "11100000000013127", // a central state organ
];
const COMPUTED_CODES = BODIES.map(withCheck);
const VALID_CODE = COMPUTED_CODES[0]!;

type Issue = { path: PropertyKey[]; message: string };
/** Distinct [path, message] pairs, so a field reported twice with the same key counts once. */
function distinctIssues(issues: readonly Issue[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const i of issues) seen.set(`${i.path.join(".")}|${i.message}`, [i.path.join("."), i.message]);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------

describe("reference check character (sanity of the test's own implementation)", () => {
  test("alphabet has 31 characters and no I, O, S, V, Z", () => {
    expect(REF_ALPHABET).toHaveLength(31);
    expect(REF_ALPHABET).not.toMatch(/[IOSVZ]/);
  });

  test.each(PUBLISHED_CODES)("reproduces the check character of published code %s", (code) => {
    expect(referenceCheckChar(code.slice(0, 17))).toBe(code[17]);
  });
});

describe("normalizeMainlandMobile", () => {
  test.each([
    ["13812345678", "13812345678", "plain 11 digits"],
    ["19912345678", "19912345678", "19x segment"],
    ["16612345678", "16612345678", "16x segment"],
    ["14712345678", "14712345678", "14x segment"],
    ["15012345678", "15012345678", "15x segment"],
    ["17012345678", "17012345678", "17x segment"],
    ["18612345678", "18612345678", "a number starting 186 keeps its own 86"],
    ["+8613812345678", "13812345678", "+86 prefix"],
    ["8613812345678", "13812345678", "86 prefix"],
    ["008613812345678", "13812345678", "0086 prefix"],
    ["+86 138 1234 5678", "13812345678", "+86 and spaces"],
    ["+86-138-1234-5678", "13812345678", "+86 and dashes"],
    ["138-1234-5678", "13812345678", "dashes"],
    ["138 1234 5678", "13812345678", "spaces"],
    ["  13812345678  ", "13812345678", "surrounding whitespace"],
    ["138\t1234\t5678", "13812345678", "tabs"],
    ["138\u30001234\u30005678", "13812345678", "ideographic (full-width) spaces"],
    ["0086 138-1234-5678", "13812345678", "0086, a space and dashes"],
  ])("%j → %s (%s)", (input, expected) => {
    expect(normalizeMainlandMobile(input)).toBe(expected);
  });

  test.each([
    ["", "empty"],
    ["1381234567", "10 digits: too short"],
    ["138123456789", "12 digits: too long"],
    ["+861381234567", "+86 and only 10 digits"],
    ["861381234567", "86 and only 10 digits"],
    ["010-12345678", "Beijing landline"],
    ["01012345678", "landline without the dash"],
    ["0312-1234567", "Baoding landline"],
    ["23812345678", "starts with 2"],
    ["12812345678", "second digit 2"],
    ["11812345678", "second digit 1"],
    ["10012345678", "second digit 0"],
    ["1381234567a", "a letter"],
    ["abcdefghijk", "letters only"],
    ["138.1234.5678", "dots are not dropped"],
    ["(+86)13812345678", "parentheses are not dropped"],
    ["+85213812345678", "Hong Kong prefix"],
    ["+8686 13812345678", "prefix twice"],
    ["+86+8613812345678", "+86 twice"],
    ["１３８１２３４５６７８", "full-width digits"],
  ])("%j → null (%s)", (input) => {
    expect(normalizeMainlandMobile(input)).toBeNull();
  });
});

describe("isUnifiedSocialCreditCode", () => {
  test.each(PUBLISHED_CODES)("accepts published code %s", (code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });

  test.each(COMPUTED_CODES)("accepts %s (check character from the reference)", (code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });

  test.each(BODIES)("of the 31 possible check characters for %s, only the reference one is accepted", (body) => {
    const accepted = [...REF_ALPHABET].filter((c) => isUnifiedSocialCreditCode(body + c));
    expect(accepted).toEqual([referenceCheckChar(body)]);
  });

  test("agrees with the reference across every value of the last body character, incl. check character 0", () => {
    const prefix = "9111010500000000";
    const checks = [...REF_ALPHABET].map((c) => referenceCheckChar(prefix + c));
    // weight 28 is invertible mod 31, so the 31 bodies cover all 31 check characters (0 among them).
    expect(new Set(checks).size).toBe(31);
    for (const c of REF_ALPHABET) {
      expect(isUnifiedSocialCreditCode(withCheck(prefix + c)), prefix + c).toBe(true);
    }
  });

  test.each([
    [VALID_CODE.toLowerCase(), "lower case"],
    [`  ${VALID_CODE}  `, "surrounding whitespace"],
    [`\t${VALID_CODE.toLowerCase()}\n`, "lower case and whitespace"],
  ])("accepts %j (%s): input is trimmed and upper-cased", (input) => {
    expect(isUnifiedSocialCreditCode(input)).toBe(true);
  });

  test.each<[string, string]>([
    ...BODIES.map((b): [string, string] => [withWrongCheck(b), "wrong check character"]),
    ["91350100M000100Y44", "published code, last character changed"],
    ["91350100M000100Y34", "published code, last two characters swapped"],
    ["19350100M000100Y43", "published code, first two characters swapped"],
    ["", "empty"],
    [VALID_CODE.slice(0, 17), "17 characters"],
    [`${VALID_CODE}0`, "19 characters"],
    ["123456789012345", "old 15-digit business licence number"],
    [`${VALID_CODE.slice(0, 8)} ${VALID_CODE.slice(8)}`, "space inside"],
    [`${VALID_CODE.slice(0, 8)}-${VALID_CODE.slice(8)}`, "dash inside"],
    ["９１３５０１００Ｍ０００１００Ｙ４３", "full-width characters"],
  ])("refuses %j (%s)", (input) => {
    expect(isUnifiedSocialCreditCode(input)).toBe(false);
  });

  // A letter outside the alphabet, whatever the last character: try all 31 and more.
  test.each(["I", "O", "S", "V", "Z"])("refuses the letter %s in the organisation code, with any check character", (letter) => {
    const body = `91110105MA01C3X${letter}4`;
    for (const c of `${REF_ALPHABET}IOSVZ`) expect(isUnifiedSocialCreditCode(body + c), body + c).toBe(false);
  });

  test.each(["I", "O", "S", "V", "Z"])("refuses the letter %s as the registration department", (letter) => {
    for (const c of REF_ALPHABET) expect(isUnifiedSocialCreditCode(`${letter}1110105MA01C3XK4${c}`)).toBe(false);
  });

  test("refuses a letter in the 6-digit division code even with a matching check character", () => {
    // The reference computes a "check character" for it, so only the digit rule can refuse it.
    const code = withCheck("9111A105MA01C3XK4");
    expect(isUnifiedSocialCreditCode(code)).toBe(false);
  });
});

describe("passwordProblem", () => {
  const ok = "a1b2c3d4"; // 8 distinct characters, letters and digits
  // 128 characters: a strong start; what comes after the first 64 is not scored (too long to be guessed anyway).
  const long128 = "Autumn-grapes-77 ripen on the slopes above Nanhongcheng".padEnd(128, ".");
  test("limits are 10 and 128 characters; zxcvbn score 3 or more", () => {
    expect([PASSWORD_MIN, PASSWORD_MAX, PASSWORD_MIN_SCORE]).toEqual([10, 128, 3]);
    expect(long128).toHaveLength(128);
  });

  test.each([
    ["", "", "validation.passwordTooShort", "empty"],
    ["Ab1", "", "validation.passwordTooShort", "3 characters"],
    ["Tangxian1", "", "validation.passwordTooShort", "9 characters"],
    ["password", "", "validation.passwordTooShort", "a common password shorter than the minimum is reported as short"],
    ["liwei1", "liwei@example.cn", "validation.passwordTooShort", "short and containing the email: short first"],
    [ok.repeat(16) + "x", "", "validation.passwordTooLong", "129 characters"],
    ["x".repeat(1000), "", "validation.passwordTooLong", "1000 characters"],
    ["abcdefghijk", "", "validation.passwordLettersDigits", "letters only"],
    ["12345678901", "", "validation.passwordLettersDigits", "digits only: no letters at all"],
    ["qwertyuiop", "", "validation.passwordLettersDigits", "a common password without digits: letters and digits first"],
    ["1234567890", "", "validation.passwordLettersDigits", "a common password without letters: letters and digits first"],
    ["!@#$%^&*()_+", "", "validation.passwordLettersDigits", "symbols only"],
    ["Abcdefghij", "", "validation.passwordLettersDigits", "letters only, not common"],
    ["葡萄园的秋天二零二四年", "", "validation.passwordLettersDigits", "Chinese characters only"],
    
    ["password123", "", "validation.passwordCommon", "in the common list"],
    ["password1234", "", "validation.passwordCommon", "a common stem with digits after it"],
    ["PASSWORD123", "", "validation.passwordCommon", "in the common list, any case"],
    ["iloveyou2024", "", "validation.passwordCommon", "a common phrase and a year"],
    ["1qaz2wsx3edc", "", "validation.passwordCommon", "a keyboard walk"],
    ["p4ssw0rd2024", "", "validation.passwordCommon", "l33t spelling of a common password"],
    ["Tangxian2024!", "", "validation.passwordCommon", "the shop's own place name and a year"],
    ["demo12345678", "", "validation.passwordCommon", "the demo accounts' word and a run of digits"],
    ["唐县唐县唐县1234", "", "validation.passwordCommon", "a Chinese word repeated"],
    ["ababab1212", "", "validation.passwordCommon", "two short repeats"],
    ["aaaaaaaaa1", "", "validation.passwordCommon", "2 distinct characters"],
    ["aab1aab1aa", "", "validation.passwordCommon", "3 distinct characters"],
    ["aAaAaA1111", "", "validation.passwordCommon", "case does not add distinct characters"],
    ["woaini1314", "", "validation.passwordCommon", "the most common Chinese pinyin password (我爱你 + 一生一世)"],
    ["Woaini5201314", "", "validation.passwordCommon", "pinyin and 520 1314, capitalised"],
    ["Liwei2024ok", "liwei@example.cn", "validation.passwordContainsEmail", "contains the email's local part"],
    ["myLIWEIpass9", "liwei@example.cn", "validation.passwordContainsEmail", "contains it in another case"],
    ["Zhang.wei88x", "zhang.wei@example.cn", "validation.passwordContainsEmail", "local part with a dot"],
    ["Xx-tang1234", "TANG@example.cn", "validation.passwordContainsEmail", "upper-case email"],
  ])("%j (email %j) → %s: %s", (password, email, expected) => {
    expect(passwordProblem(password, email)).toBe(expected);
  });

  test.each([
    ["Putao2024x", "", "exactly 10 characters"],
    ["葡萄园的秋天2024年", "", "Chinese characters and digits: any script's letters count"],
    ["password-grapes-7", "", "a common word inside a longer phrase is fine"],
    [long128, "", "exactly 128 characters"],
    ["葡萄园的秋天2024", "", "a Chinese phrase with a digit"],
    ["我爱唐县的葡萄酒2026", "", "a Chinese phrase with the shop's place name and a digit"],
    ["Grapes&Pears2024", "", "letters, digits and symbols"],
    ["葡萄园grape2024", "", "Chinese characters with Latin letters and digits"],
    ["Liwei2024ok", "", "no email given"],
    ["Li2024abcdef", "li@example.cn", "a local part shorter than 4 characters is not checked"],
    ["Wang2024abcd", "liwei@example.cn", "does not contain the local part"],
    ["Liwei2024ok", "not-an-email", "an email without @ still uses the whole text as local part: not contained"],
  ])("%j (email %j) → null: %s", (password, email) => {
    expect(passwordProblem(password, email)).toBeNull();
  });

  test("the user's own name counts as a guessable word", () => {
    expect(passwordProblem("Qiaozhuang2024")).toBeNull();
    expect(passwordProblem("Qiaozhuang2024", "", "Qiaozhuang")).toBe("validation.passwordCommon");
    expect(passwordProblem("葡萄园的秋天2024", "", "葡萄园的秋天")).toBe("validation.passwordCommon");
  });
});

describe("BEIJING_DISTRICTS and districtName", () => {
  test("exactly 16 districts", () => {
    expect(BEIJING_DISTRICTS).toHaveLength(16);
  });

  test("codes, Chinese names and English names are each unique", () => {
    for (const field of ["code", "zh", "en"] as const) {
      expect(new Set(BEIJING_DISTRICTS.map((d) => d[field])).size, field).toBe(16);
    }
  });

  test.each(BEIJING_DISTRICTS.map((d) => [d.code, d.zh, d.en] as const))("%s: codes are lower-case ASCII, names present", (code, zhName, enName) => {
    expect(code).toMatch(/^[a-z]+$/);
    expect(zhName).toMatch(/^\p{Script=Han}{1,3}区$/u);
    expect(enName).toMatch(/^[A-Z][a-z]+$/);
    expect(enName.toLowerCase()).toBe(code);
  });

  test("includes the core and outer districts, and not the old county names", () => {
    const codes = BEIJING_DISTRICTS.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["dongcheng", "xicheng", "chaoyang", "haidian", "miyun", "yanqing"]));
    expect(codes).not.toContain("chongwen");
    expect(codes).not.toContain("xuanwu");
  });

  test.each(BEIJING_DISTRICTS.map((d) => [d.code, d.zh, d.en] as const))("districtName(%s) → %s / %s", (code, zhName, enName) => {
    expect(districtName(code, "zh-CN")).toBe(zhName);
    expect(districtName(code, "en")).toBe(enName);
  });

  test.each([
    ["pudong", "zh-CN"],
    ["", "en"],
    ["Chaoyang", "en"],
  ] as const)("unknown code %j in %s is returned unchanged", (code, locale) => {
    expect(districtName(code, locale)).toBe(code);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("signUpSchema", () => {
  const base = { name: "李伟", email: "liwei@example.cn", password: "Putaoyuan2024" };

  test("accepts a valid sign-up and normalises name and email", () => {
    const r = signUpSchema.safeParse({ name: "  李伟 ", email: "  LiWei@Example.CN ", password: "Putaoyuan2024" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ name: "李伟", email: "liwei@example.cn", password: "Putaoyuan2024" });
  });

  test.each([
    { why: "empty name", patch: { name: "" }, path: "name", message: "validation.nameRequired" },
    { why: "blank name", patch: { name: "   " }, path: "name", message: "validation.nameRequired" },
    { why: "41-character name", patch: { name: "名".repeat(41) }, path: "name", message: "validation.nameTooLong" },
    { why: "email without @", patch: { email: "liwei.example.cn" }, path: "email", message: "validation.emailInvalid" },
    { why: "empty email", patch: { email: "" }, path: "email", message: "validation.emailInvalid" },
    { why: "email without a domain", patch: { email: "liwei@" }, path: "email", message: "validation.emailInvalid" },
    { why: "email over 254 characters", patch: { email: `${"a".repeat(64)}@${"b".repeat(190)}.cn` }, path: "email", message: "validation.emailInvalid" },
    { why: "short password", patch: { password: "Tang2024" }, path: "password", message: "validation.passwordTooShort" },
    { why: "129-character password", patch: { password: "a1".repeat(64) + "b" }, path: "password", message: "validation.passwordTooLong" },
    { why: "password without digits", patch: { password: "Tangxianxian" }, path: "password", message: "validation.passwordLettersDigits" },
    { why: "common password", patch: { password: "Password123" }, path: "password", message: "validation.passwordCommon" },
    { why: "password containing the email", patch: { password: "liwei-2024-ok" }, path: "password", message: "validation.passwordContainsEmail" },
    {
      why: "password containing the email typed in capitals (checked after normalising)",
      patch: { email: " LIWEI@EXAMPLE.CN ", password: "liwei-2024-ok" },
      path: "password",
      message: "validation.passwordContainsEmail",
    },
  ])("$why → $path: $message", ({ patch, path, message }) => {
    const r = signUpSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(distinctIssues(r.error!.issues)).toEqual([[path, message]]);
  });

  test("reports every bad field at once, including the password rule", () => {
    const r = signUpSchema.safeParse({ name: "", email: "bad", password: "short" });
    expect(distinctIssues(r.error!.issues)).toEqual([
      ["name", "validation.nameRequired"],
      ["email", "validation.emailInvalid"],
      ["password", "validation.passwordTooShort"],
    ]);
  });

  test("refuses missing fields", () => {
    const r = signUpSchema.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["email", "name", "password"]);
  });
});

describe("resetPasswordSchema", () => {
  const base = { token: "t".repeat(32), password: "Putaoyuan2024" };

  test.each([
    ["20-character token", { token: "t".repeat(20) }],
    ["200-character token", { token: "t".repeat(200) }],
    ["password that would contain an email (no email here)", { password: "liwei-2024-ok" }],
  ])("accepts a %s", (_why, patch) => {
    expect(resetPasswordSchema.safeParse({ ...base, ...patch }).success).toBe(true);
  });

  test.each([
    { why: "short password", patch: { password: "Tang2024" }, path: "password", message: "validation.passwordTooShort" },
    { why: "129-character password", patch: { password: "a1".repeat(64) + "b" }, path: "password", message: "validation.passwordTooLong" },
    { why: "letters-only password", patch: { password: "Tangxianxian" }, path: "password", message: "validation.passwordLettersDigits" },
    { why: "common password", patch: { password: "iloveyou2024" }, path: "password", message: "validation.passwordCommon" },
    { why: "repetitive password", patch: { password: "aaaaaaaaa1" }, path: "password", message: "validation.passwordCommon" },
    // The token is a hidden field, but a mangled link still gets the translated "invalid link" message.
    { why: "19-character token", patch: { token: "t".repeat(19) }, path: "token", message: "auth.errors.tokenInvalid" },
    { why: "201-character token", patch: { token: "t".repeat(201) }, path: "token", message: "auth.errors.tokenInvalid" },
    { why: "empty token", patch: { token: "" }, path: "token", message: "auth.errors.tokenInvalid" },
  ])("$why → $path", ({ patch, path, message }) => {
    const r = resetPasswordSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    const issues = distinctIssues(r.error!.issues);
    expect(issues.map(([p]) => p)).toEqual([path]);
    if (message) expect(issues[0]![1]).toBe(message);
  });
});

describe("addressSchema", () => {
  const base = { recipient: "王芳", phone: "13912345678", district: "chaoyang", street: "建国路 88 号 3 单元 501" };

  test("accepts a valid address and normalises it", () => {
    const r = addressSchema.safeParse({
      id: "",
      recipient: "  王芳 ",
      phone: "+86 139-1234-5678",
      district: "miyun",
      street: "  溪翁庄镇 1 号  ",
      isDefault: "on",
    });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ id: undefined, recipient: "王芳", phone: "13912345678", district: "miyun", street: "溪翁庄镇 1 号", isDefault: true });
  });

  test.each(BEIJING_DISTRICTS.map((d) => d.code))("accepts district %s", (district) => {
    expect(addressSchema.safeParse({ ...base, district }).success).toBe(true);
  });

  test.each([
    ["on", true],
    ["true", true],
    [true, true],
    [undefined, false],
    ["", false],
    ["off", false],
    ["false", false],
    [false, false],
    ["1", false],
  ] as const)("isDefault %j → %s", (isDefault, expected) => {
    const r = addressSchema.safeParse({ ...base, isDefault });
    expect(r.data?.isDefault).toBe(expected);
  });

  test("keeps a non-empty id", () => {
    expect(addressSchema.safeParse({ ...base, id: "addr_123" }).data?.id).toBe("addr_123");
  });

  test.each([
    { why: "empty recipient", patch: { recipient: "" }, path: "recipient", message: "validation.recipientRequired" },
    { why: "blank recipient", patch: { recipient: "  " }, path: "recipient", message: "validation.recipientRequired" },
    { why: "41-character recipient", patch: { recipient: "王".repeat(41) }, path: "recipient", message: "validation.nameTooLong" },
    { why: "empty phone", patch: { phone: "" }, path: "phone", message: "validation.phoneInvalid" },
    { why: "landline phone", patch: { phone: "010-12345678" }, path: "phone", message: "validation.phoneInvalid" },
    { why: "10-digit phone", patch: { phone: "1391234567" }, path: "phone", message: "validation.phoneInvalid" },
    { why: "district outside Beijing", patch: { district: "pudong" }, path: "district", message: "validation.districtInvalid" },
    { why: "district in the wrong case", patch: { district: "Chaoyang" }, path: "district", message: "validation.districtInvalid" },
    { why: "district by Chinese name", patch: { district: "朝阳区" }, path: "district", message: "validation.districtInvalid" },
    { why: "empty district", patch: { district: "" }, path: "district", message: "validation.districtInvalid" },
    { why: "3-character street", patch: { street: "建国路" }, path: "street", message: "validation.streetTooShort" },
    { why: "street short once trimmed", patch: { street: "   ab   " }, path: "street", message: "validation.streetTooShort" },
    { why: "201-character street", patch: { street: "路".repeat(201) }, path: "street", message: "validation.streetTooLong" },
    { why: "41-character id", patch: { id: "x".repeat(41) }, path: "id", message: null },
  ])("$why → $path", ({ patch, path, message }) => {
    const r = addressSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    const issues = distinctIssues(r.error!.issues);
    expect(issues.map(([p]) => p)).toEqual([path]);
    if (message) expect(issues[0]![1]).toBe(message);
  });
});

describe("institutionSchema", () => {
  const base = { unitName: "北京市朝阳区第一中学", invoiceTitle: "北京市朝阳区第一中学", taxId: VALID_CODE };

  test.each([...PUBLISHED_CODES, ...COMPUTED_CODES])("accepts tax id %s", (taxId) => {
    expect(institutionSchema.safeParse({ ...base, taxId }).success).toBe(true);
  });

  test("trims and upper-cases the tax id, trims the names", () => {
    const r = institutionSchema.safeParse({ unitName: " 食堂 ", invoiceTitle: " 某单位 ", taxId: `  ${VALID_CODE.toLowerCase()} ` });
    expect(r.data).toEqual({ unitName: "食堂", invoiceTitle: "某单位", taxId: VALID_CODE });
  });

  test.each([
    { why: "1-character unit name", patch: { unitName: "校" }, path: "unitName", message: "validation.unitNameRequired" },
    { why: "blank unit name", patch: { unitName: "    " }, path: "unitName", message: "validation.unitNameRequired" },
    { why: "101-character unit name", patch: { unitName: "单".repeat(101) }, path: "unitName", message: "validation.unitNameTooLong" },
    { why: "empty invoice title", patch: { invoiceTitle: "" }, path: "invoiceTitle", message: "validation.invoiceTitleRequired" },
    { why: "101-character invoice title", patch: { invoiceTitle: "票".repeat(101) }, path: "invoiceTitle", message: "validation.invoiceTitleTooLong" },
    { why: "empty tax id", patch: { taxId: "" }, path: "taxId", message: "validation.taxIdInvalid" },
    { why: "wrong check character", patch: { taxId: withWrongCheck(BODIES[0]!) }, path: "taxId", message: "validation.taxIdInvalid" },
    { why: "17-character tax id", patch: { taxId: VALID_CODE.slice(0, 17) }, path: "taxId", message: "validation.taxIdInvalid" },
    { why: "tax id with the letter O", patch: { taxId: "91350100MOOO100Y43" }, path: "taxId", message: "validation.taxIdInvalid" },
  ])("$why → $path: $message", ({ patch, path, message }) => {
    const r = institutionSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(distinctIssues(r.error!.issues)).toEqual([[path, message]]);
  });
});

describe("message keys", () => {
  // Read from the module's source, so a new rule cannot ship a key without its translations.
  const source = readFileSync(new URL("../../lib/validation/account.ts", import.meta.url), "utf8");
  const keys = [...new Set(source.match(/validation\.\w+/g) ?? [])].sort();
  const lookup = (messages: unknown, k: string) =>
    k.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);

  test("the module uses message keys", () => {
    expect(keys.length).toBeGreaterThan(15);
  });

  test.each(keys)("%s has text in both locales", (k) => {
    expect(typeof lookup(zh, k), "zh-CN").toBe("string");
    expect(typeof lookup(en, k), "en").toBe("string");
  });
});
