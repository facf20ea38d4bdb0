// The organisation forms' input rules (lib/validation/org.ts): the credit code through lib/domain/credit-code.ts
// with its own message, the tax id, district, approval threshold and window, roles as a set, and the year's
// reserved-share figures through lib/domain/reserved-share.ts. Every refusal is a message key both catalogs hold.
import { describe, expect, test } from "vitest";
import { creditCodeCheckCharacter } from "@/lib/domain/credit-code";
import { translator } from "@/lib/i18n/translate";
import { memberInviteSchema, memberRolesSchema, normalizeRoles, organisationSchema, reservedShareYearSchema } from "@/lib/validation/org";

const code = (body17: string) => body17 + creditCodeCheckCharacter(body17)!;
const GOOD = code("81110105MA0000101");
const WRONG = GOOD.slice(0, 17) + (GOOD[17] === "0" ? "1" : "0");
const profile = (overrides: Record<string, string> = {}) => ({
  kind: "UNION",
  name: "测试工会",
  creditCode: GOOD,
  invoiceTitle: "测试工会",
  taxId: "",
  address: "朝阳区示例路 1 号",
  district: "chaoyang",
  approvalThreshold: "5000",
  approvalWindowHours: "48",
  beijingOnlyDelivery: "on",
  ...overrides,
});
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe("organisation profile", () => {
  test.each<[string, Record<string, string>, string]>([
    ["a wrong check character", { creditCode: WRONG }, "org.creditCode.problems.checkCharacter"],
    ["17 characters", { creditCode: GOOD.slice(0, 17) }, "org.creditCode.problems.length"],
    ["an O in the code", { creditCode: `${GOOD.slice(0, 10)}O${GOOD.slice(11)}` }, "org.creditCode.problems.character"],
    ["no credit code", { creditCode: "" }, "org.creditCode.problems.empty"],
    ["a tax id that is not a credit code", { taxId: "12345" }, "org.errors.taxIdInvalid"],
    ["a district outside Beijing", { district: "pudong" }, "org.errors.districtInvalid"],
    ["an unknown kind", { kind: "CHARITY" }, "org.errors.kindInvalid"],
    ["no name", { name: "  " }, "org.errors.nameRequired"],
    ["a name of 101 characters", { name: "工".repeat(101) }, "org.errors.nameTooLong"],
    ["no address", { address: "" }, "org.errors.addressRequired"],
    ["a threshold in thousandths", { approvalThreshold: "1.005" }, "org.errors.thresholdInvalid"],
    ["a threshold above ¥10,000,000", { approvalThreshold: "10000000.01" }, "org.errors.thresholdInvalid"],
    ["a window of 0 hours", { approvalWindowHours: "0" }, "org.errors.windowInvalid"],
    ["a window of 1.5 hours", { approvalWindowHours: "1.5" }, "org.errors.windowInvalid"],
    ["a window of 31 days", { approvalWindowHours: "744" }, "org.errors.windowInvalid"],
    ["a NUL byte in the address", { address: "朝阳\u0000路" }, "validation.controlCharacters"],
  ])("%s is refused with %s", (_what, overrides, message) => {
    expect(firstMessage(organisationSchema.safeParse(profile(overrides)))).toBe(message);
    expect(translator("zh-CN").has(message as never)).toBe(true);
    expect(translator("en").has(message as never)).toBe(true);
  });

  test("accepted values are normalised: full-width lower-case code, empty tax id, empty threshold, the checkbox", () => {
    const fullWidth = [...GOOD.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    expect(organisationSchema.parse(profile({ creditCode: fullWidth, approvalThreshold: "", beijingOnlyDelivery: "" }))).toMatchObject({
      creditCode: GOOD,
      taxId: null,
      approvalThreshold: null,
      approvalWindowHours: 48,
      beijingOnlyDelivery: false,
    });
    expect(organisationSchema.parse(profile({ taxId: GOOD.toLowerCase(), approvalThreshold: "5000.50" }))).toMatchObject({ taxId: GOOD, approvalThreshold: 500_050, beijingOnlyDelivery: true });
    const { approvalWindowHours: _omitted, ...noWindow } = profile();
    expect(organisationSchema.parse(noWindow).approvalWindowHours).toBe(48);
  });
});

describe("roles", () => {
  test.each<[string[], string[] | null]>([
    [["finance", " purchaser", "FINANCE"], ["PURCHASER", "FINANCE"]],
    [["ORG_ADMIN", "APPROVER", "PURCHASER", "FINANCE"], ["PURCHASER", "APPROVER", "FINANCE", "ORG_ADMIN"]],
    [["", " "], []],
    [["BOSS"], null],
    [["PURCHASER", "admin"], null],
  ])("%j → %j", (input, roles) => expect(normalizeRoles(input)).toEqual(roles));

  test("an invite needs known roles, at least one, and a valid email", () => {
    expect(memberInviteSchema.parse({ organisationId: "o", email: " A@Example.TEST ", roles: "finance,purchaser" })).toEqual({ organisationId: "o", email: "a@example.test", roles: ["PURCHASER", "FINANCE"] });
    expect(firstMessage(memberInviteSchema.safeParse({ organisationId: "o", email: "a@example.test", roles: "BOSS" }))).toBe("org.errors.rolesInvalid");
    expect(firstMessage(memberInviteSchema.safeParse({ organisationId: "o", email: "a@example.test", roles: "" }))).toBe("org.errors.rolesRequired");
    expect(firstMessage(memberInviteSchema.safeParse({ organisationId: "o", email: "not an email", roles: "FINANCE" }))).toBe("validation.emailInvalid");
    // A plain form's checkboxes, one name per role.
    expect(memberInviteSchema.parse({ organisationId: "o", email: "a@example.test", role_FINANCE: "on", role_APPROVER: "on", role_PURCHASER: "" })).toEqual({ organisationId: "o", email: "a@example.test", roles: ["APPROVER", "FINANCE"] });
    expect(firstMessage(memberInviteSchema.safeParse({ organisationId: "o", email: "a@example.test" }))).toBe("org.errors.rolesRequired");
    expect(memberRolesSchema.parse({ organisationId: "o", memberId: "m", role_ORG_ADMIN: "on" })).toEqual({ organisationId: "o", memberId: "m", roles: ["ORG_ADMIN"] });
  });
});

describe("the year's reserved-share figures", () => {
  test.each<[Record<string, string>, { budgetFen: number; percentBp: number } | string]>([
    [{ budget: "1000.05", percent: "30" }, { budgetFen: 100_005, percentBp: 3000 }],
    [{ budget: "2000000", percent: "12.5" }, { budgetFen: 200_000_000, percentBp: 1250 }],
    [{ budget: "0", percent: "100" }, { budgetFen: 0, percentBp: 10_000 }],
    [{ budget: "100000", percent: "9.99" }, "org.reservedShare.problems.percentBelowNationalFloor"],
    [{ budget: "100000", percent: "100.01" }, "org.reservedShare.problems.percentInvalid"],
    [{ budget: "100000", percent: "0" }, "org.reservedShare.problems.percentInvalid"],
    [{ budget: "-1", percent: "30" }, "org.reservedShare.problems.budgetInvalid"],
    [{ budget: "10000000000.01", percent: "30" }, "org.reservedShare.problems.budgetInvalid"],
  ])("%j → %j", (fields, expected) => {
    const parsed = reservedShareYearSchema.safeParse({ organisationId: "o", year: "2026", ...fields });
    if (typeof expected === "string") expect(firstMessage(parsed)).toBe(expected);
    else expect(parsed.data).toEqual({ organisationId: "o", year: 2026, ...expected });
  });

  test("a year outside 2020–2100 is refused", () => {
    expect(firstMessage(reservedShareYearSchema.safeParse({ organisationId: "o", year: "1999", budget: "1", percent: "30" }))).toBe("org.errors.yearInvalid");
  });
});
