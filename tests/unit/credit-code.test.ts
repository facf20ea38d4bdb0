// 统一社会信用代码 (GB 32100-2015) with its embedded organisation code (GB 11714): real published codes pass,
// every one-character change of them and every swap of two neighbours fails, each refusal has its reason.
import { describe, expect, test } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_KINDS, CREDIT_CODE_PROBLEMS, creditCodeCheckCharacter, isCreditCode, normalizeCreditCode, orgCodeCheckCharacter, parseCreditCode, type CreditCodeKind } from "@/lib/domain/credit-code";

// Real codes, each with where it is published. The registries themselves (gsxt.gov.cn, cods.org.cn) answer only
// interactive queries, so the sources are public copies of them:
// [stdnum]  python-stdnum, tests/test_cn_uscc.doctest ("These have been found online and should all be valid
//           numbers"), github.com/arthurdejong/python-stdnum, commit 006192e (2026-08-15).
// [idcheck] github.com/bluesky335/IDCheck README: the sample code of its USCI checker.
// [gen2]    github.com/xbeginagain/generator issue #2: a real 事业单位 code a validator had refused.
// [public]  the company's code as quoted from its business licence in many public repositories (found with the
//           library's code search); not verified against the registry here.
const PUBLISHED: [code: string, kind: CreditCodeKind, source: string][] = [
  ["91110000600037341L", "enterprise", "stdnum (Beijing, registered at 110000)"],
  ["91110000710926094P", "enterprise", "stdnum (Beijing)"],
  ["9144030071526726XG", "enterprise", "stdnum; [public] 腾讯科技(深圳)有限公司"],
  ["91330100799655058B", "enterprise", "[public] 阿里巴巴(中国)有限公司"],
  ["914403001922038216", "enterprise", "[public] 华为技术有限公司"],
  ["91310115MA1K3BTP2B", "enterprise", "stdnum (Shanghai Pudong, an MA… code issued after 2015)"],
  ["91620105L015101280", "enterprise", "stdnum (Lanzhou)"],
  ["121200004013590816", "publicInstitution", "stdnum (事业单位, Tianjin)"],
  ["12440600MB2C07549J", "publicInstitution", "gen2 (事业单位, Foshan)"],
  ["92340602MA2PBMEM24", "individualBusiness", "stdnum (个体工商户, Huaibei)"],
  ["92340603MA2PBMCG0U", "individualBusiness", "stdnum (个体工商户; organisation-code check character 0, the 11 → 0 case)"],
  ["92340621MA2PBKRXXG", "individualBusiness", "stdnum (个体工商户; organisation-code check character X, the 10 → X case)"],
  ["91350100M000100Y43", "enterprise", "idcheck (Fuzhou)"],
];

// An independent reference for the check character (MOD 31-3: weight of position i is 3^i mod 31), so a wrong
// weight table in the module cannot agree with itself.
const REF = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter((c) => !"IOSVZ".includes(c)).join("");
function refCheck(body: string): string {
  let sum = 0;
  let w = 1;
  for (const c of body) {
    sum += REF.indexOf(c) * w;
    w = (w * 3) % 31;
  }
  return REF[(31 - (sum % 31)) % 31]!;
}

describe("published codes", () => {
  test("the module's alphabet is the reference's", () => expect(CREDIT_CODE_ALPHABET).toBe(REF));

  test.each(PUBLISHED)("%s is accepted as %s (%s)", (code, kind) => {
    const r = parseCreditCode(code);
    expect(r).toEqual({
      ok: true,
      value: {
        code,
        registrationAuthority: code[0],
        organisationType: code[1],
        division: code.slice(2, 8),
        organisationCode: `${code.slice(8, 16)}-${code[16]}`,
        kind,
        orgCodeValid: true,
      },
    });
    expect(refCheck(code.slice(0, 17))).toBe(code[17]);
  });

  test.each(PUBLISHED)("%s: every other character at every position is refused", (code) => {
    const wrongly: string[] = [];
    for (let i = 0; i < 18; i++) {
      for (const c of `${REF}IOSVZ`) {
        if (c === code[i]) continue;
        const r = parseCreditCode(code.slice(0, i) + c + code.slice(i + 1));
        if (r.ok || (r.problem !== "character" && r.problem !== "checkCharacter")) wrongly.push(code.slice(0, i) + c + code.slice(i + 1));
      }
    }
    expect(wrongly).toEqual([]);
  });

  test.each(PUBLISHED)("%s: swapping any two different neighbours is refused", (code) => {
    for (let i = 0; i < 17; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(isCreditCode(swapped), swapped).toBe(false);
    }
  });
});

describe("reasons", () => {
  test.each<[string, string, string]>([
    ["", "empty", "nothing typed"],
    ["   ", "empty", "only spaces"],
    ["9111000060003734", "length", "16 characters"],
    ["91110000600037341", "length", "17 characters (check character missing)"],
    ["91110000600037341L0", "length", "19 characters"],
    ["91110000 600037341L", "length", "a space inside"],
    ["123456789012345", "length", "an old 15-digit business licence number"],
    ["91110000600037341I", "character", "I is not in the alphabet"],
    ["9111000060003734OL", "character", "O in the organisation code"],
    ["S1110000600037341L", "character", "S as the registration authority"],
    ["911100A0600037341L", "character", "a letter in the division code"],
    ["91110000600037341-", "character", "punctuation"],
    ["91110000600037341M", "checkCharacter", "wrong check character"],
    ["19110000600037341L", "checkCharacter", "first two characters swapped"],
    ["91350100M0001TGQXM", "checkCharacter", "a Fujian pilot code that fails the standard (IDCheck README): refused, entered by an admin"],
  ])("%j → %s (%s)", (input, problem) => {
    expect(parseCreditCode(input)).toMatchObject({ ok: false, problem });
  });
});

describe("normalisation", () => {
  test.each([
    ["91110000600037341l", "lower case"],
    ["  91110000600037341L\n", "surrounding whitespace"],
    ["９１１１００００６０００３７３４１Ｌ", "full-width digits and letter"],
    ["\u3000９１１１００００６０００３７３４１ｌ\u3000", "ideographic spaces, full-width lower case"],
  ])("%j (%s) → 91110000600037341L", (input) => {
    expect(normalizeCreditCode(input)).toBe("91110000600037341L");
    expect(parseCreditCode(input)).toMatchObject({ ok: true, value: { code: "91110000600037341L" } });
  });
});

describe("the organisation code's own check character (GB 11714)", () => {
  test.each([
    ["19220382", "1"],
    ["71526726", "X"], // 11 − 1 = 10 → X
    ["MA2PBMCG", "0"], // 11 − 0 = 11 → 0
    ["60003734", "1"],
    ["MA2PBKRX", "X"],
  ])("%s → %s", (body, check) => expect(orgCodeCheckCharacter(body)).toBe(check));

  test.each(["1922038", "192203821", "1922038-", "ma2pbmcg"])("%j is not an 8-character body", (body) => expect(orgCodeCheckCharacter(body)).toBeNull());

  // A code whose 18th character is right but whose organisation code's is not: an invented body (MA01C3XK, whose
  // own check character is 5) with 4 at position 17 and the matching 18th character.
  const body = "91110105MA01C3XK4";
  const code = body + refCheck(body);

  test("it is accepted by default, with the mismatch reported", () => {
    expect(orgCodeCheckCharacter("MA01C3XK")).toBe("5");
    expect(creditCodeCheckCharacter(body)).toBe(code[17]);
    expect(parseCreditCode(code)).toMatchObject({ ok: true, value: { orgCodeValid: false } });
  });

  test("and refused with strictOrgCode", () => {
    expect(parseCreditCode(code, { strictOrgCode: true })).toEqual({ ok: false, problem: "orgCodeCheck", normalized: code });
    expect(parseCreditCode("91110000600037341L", { strictOrgCode: true }).ok).toBe(true);
  });
});

describe("kinds", () => {
  test.each<[string, CreditCodeKind]>([
    ["11", "governmentOrgan"],
    ["12", "publicInstitution"],
    ["13", "massOrganisation"],
    ["51", "socialOrganisation"],
    ["52", "socialOrganisation"],
    ["53", "socialOrganisation"],
    ["81", "union"],
    ["91", "enterprise"],
    ["92", "individualBusiness"],
    ["93", "farmersCooperative"],
    ["Y1", "other"],
  ])("%s… → %s", (prefix, kind) => {
    const body = `${prefix}110105600037341`;
    expect(parseCreditCode(body + refCheck(body))).toMatchObject({ ok: true, value: { kind } });
  });
});

test.each(["zh-CN", "en"] as const)("%s: every problem and kind has a message (org.creditCode)", (locale) => {
  const t = translator(locale);
  const keys = [...CREDIT_CODE_PROBLEMS.map((p) => `org.creditCode.problems.${p}`), ...CREDIT_CODE_KINDS.map((k) => `org.creditCode.kinds.${k}`), "org.creditCode.orgCodeWarning"];
  expect(keys.filter((k) => !t.has(k as Parameters<typeof t.has>[0]))).toEqual([]);
});
