// Input rules for institutional buying (issue 15): an organisation's profile (admins), inviting and changing
// members (the organisation's admins), and the year's reserved-share figures. Messages are keys into
// messages/*.json ("org.*", "validation.*"), translated by the action chain.
//
// Roles arrive as one field, `roles`, a comma-separated list ("PURCHASER,FINANCE"): the chain reads a form with
// Object.fromEntries, which keeps only one value of a repeated checkbox name, so a form joins its checkboxes.
import { z } from "zod";
import { parseCreditCode } from "@/lib/domain/credit-code";
import { parseYuanToFen } from "@/lib/domain/money";
import { checkReservedShareSettings, MAX_BUDGET_FEN } from "@/lib/domain/reserved-share";
import { BEIJING_DISTRICTS } from "./account";
import { email } from "./people";
import { recordId, text } from "./text";

const E = "org.errors";

export const ORGANISATION_KINDS = ["BUDGET_UNIT", "SOE", "UNION", "ENTERPRISE"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The roles, in the order they are stored and shown. */
export const ORGANISATION_ROLES = ["PURCHASER", "APPROVER", "FINANCE", "ORG_ADMIN"] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const ORG_LIMITS = {
  nameMax: 100,
  invoiceTitleMax: 100,
  addressMax: 200,
  /** ¥10,000,000: a threshold above it is a typing mistake. */
  thresholdMaxFen: 1_000_000_000,
  windowMinHours: 1,
  /** 30 days: stock cannot stay held longer for one approval. */
  windowMaxHours: 720,
  yearMin: 2020,
  yearMax: 2100,
} as const;

/** A role list as a set: known roles only, each once, in ORGANISATION_ROLES order; null if any is unknown. */
export function normalizeRoles(input: readonly string[]): OrganisationRole[] | null {
  const set = new Set<string>();
  for (const raw of input) {
    const role = raw.trim().toUpperCase();
    if (role === "") continue;
    if (!(ORGANISATION_ROLES as readonly string[]).includes(role)) return null;
    set.add(role);
  }
  return ORGANISATION_ROLES.filter((r) => set.has(r));
}

const rolesField = text()
  .max(200, `${E}.rolesInvalid`)
  .transform((v, ctx) => {
    const roles = normalizeRoles(v.split(","));
    if (roles === null) ctx.addIssue({ code: "custom", message: `${E}.rolesInvalid` });
    else if (roles.length === 0) ctx.addIssue({ code: "custom", message: `${E}.rolesRequired` });
    return roles ?? [];
  });

/**
 * A credit code as typed (full-width characters and lower case allowed), normalised; refused with the domain's
 * problem, or with `message`. `optional`: empty is null.
 */
const creditCode = <O extends boolean = false>(options: { message?: string; optional?: O } = {}) =>
  text()
    .max(60, options.message ?? "org.creditCode.problems.length")
    .optional()
    .transform((v, ctx): O extends true ? string | null : string => {
      type Out = O extends true ? string | null : string;
      if (options.optional && !v?.trim()) return null as Out;
      const parsed = parseCreditCode(v ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: options.message ?? `org.creditCode.problems.${parsed.problem}` });
        return z.NEVER;
      }
      return parsed.value.code;
    });

/** Yuan as typed, to fen, at most `maxFen`; `optional`: empty is null. */
const yuanToFen = <O extends boolean = false>(maxFen: number, invalid: string, options: { optional?: O } = {}) =>
  text()
    .optional()
    .transform((v) => (v ?? "").normalize("NFKC").trim())
    .transform((v, ctx): O extends true ? number | null : number => {
      type Out = O extends true ? number | null : number;
      if (options.optional && v === "") return null as Out;
      const fen = parseYuanToFen(v);
      if (fen === null || fen > maxFen) {
        ctx.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return fen;
    });

const districtCodes = BEIJING_DISTRICTS.map((d) => d.code) as [string, ...string[]];

export const organisationSchema = z.object({
  kind: z.enum(ORGANISATION_KINDS, { message: `${E}.kindInvalid` }),
  name: text().trim().min(1, `${E}.nameRequired`).max(ORG_LIMITS.nameMax, `${E}.nameTooLong`),
  creditCode: creditCode(),
  invoiceTitle: text().trim().min(1, `${E}.invoiceTitleRequired`).max(ORG_LIMITS.invoiceTitleMax, `${E}.invoiceTitleTooLong`),
  /** Empty: the credit code (the tax id of every organisation registered since 2015). */
  taxId: creditCode({ message: `${E}.taxIdInvalid`, optional: true }),
  address: text().trim().min(1, `${E}.addressRequired`).max(ORG_LIMITS.addressMax, `${E}.addressTooLong`),
  district: z.enum(districtCodes, { message: `${E}.districtInvalid` }),
  /** Yuan as typed; empty: no approval needed. */
  approvalThreshold: yuanToFen(ORG_LIMITS.thresholdMaxFen, `${E}.thresholdInvalid`, { optional: true }),
  approvalWindowHours: z.coerce
    .number({ message: `${E}.windowInvalid` })
    .int(`${E}.windowInvalid`)
    .min(ORG_LIMITS.windowMinHours, `${E}.windowInvalid`)
    .max(ORG_LIMITS.windowMaxHours, `${E}.windowInvalid`)
    .default(48),
  /** A checkbox: present ("on") means yes. */
  beijingOnlyDelivery: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type OrganisationInput = z.output<typeof organisationSchema>;

/** Editing: the same fields and the organisation's id. */
export const organisationUpdateSchema = organisationSchema.extend({ organisationId: recordId() });
export type OrganisationUpdateInput = z.output<typeof organisationUpdateSchema>;

/**
 * A form's role checkboxes (`role_PURCHASER=on`, …: a plain form sends one value per name, and the action chain
 * reads one) as the comma-separated `roles` the schemas parse; a `roles` field sent as such is kept.
 */
const withRoleBoxes = <S extends z.ZodType>(schema: S) =>
  z.preprocess((raw) => {
    if (!raw || typeof raw !== "object" || "roles" in raw) return raw;
    const boxes = raw as Record<string, unknown>;
    return { ...boxes, roles: ORGANISATION_ROLES.filter((r) => boxes[`role_${r}`] === "on").join(",") };
  }, schema);

export const memberInviteSchema = withRoleBoxes(z.object({ organisationId: recordId(), email, roles: rolesField }));
export type MemberInviteInput = z.output<typeof memberInviteSchema>;

export const memberRolesSchema = withRoleBoxes(z.object({ organisationId: recordId(), memberId: recordId(), roles: rolesField }));
export const memberRemoveSchema = z.object({ organisationId: recordId(), memberId: recordId() });

export const acceptOrgInviteSchema = z.object({ token: text().min(20, "auth.errors.tokenInvalid").max(200, "auth.errors.tokenInvalid") });

/** The year's figures: the budget in yuan as typed, the reserved share in percent (two decimals at most). */
export const reservedShareYearSchema = z
  .object({
    organisationId: recordId(),
    year: z.coerce.number({ message: `${E}.yearInvalid` }).int(`${E}.yearInvalid`).min(ORG_LIMITS.yearMin, `${E}.yearInvalid`).max(ORG_LIMITS.yearMax, `${E}.yearInvalid`),
    budget: yuanToFen(MAX_BUDGET_FEN, "org.reservedShare.problems.budgetInvalid"),
    percent: yuanToFen(10_000, "org.reservedShare.problems.percentInvalid"),
  })
  .superRefine((v, ctx) => {
    // "30" percent parses like ¥30 → 3000 hundredths: basis points.
    const { problems } = checkReservedShareSettings({ budgetFen: v.budget, percentBp: v.percent });
    for (const p of problems) ctx.addIssue({ code: "custom", path: [p === "budgetInvalid" ? "budget" : "percent"], message: `org.reservedShare.problems.${p}` });
  })
  .transform((v) => ({ organisationId: v.organisationId, year: v.year, budgetFen: v.budget, percentBp: v.percent }));
export type ReservedShareYearInput = z.output<typeof reservedShareYearSchema>;

/** An approver's decision on a waiting order: the note is required to reject (checked by lib/server/orgs/approvals.ts). */
export const approvalDecisionSchema = z.object({
  orderId: recordId(),
  decision: z.enum(["approve", "reject"], { message: "org.approvals.errors.decisionInvalid" }),
  note: text({ multiline: true }).trim().max(500, "org.approvals.errors.noteTooLong").default(""),
});

/** The parsed profile as the form's fields again (a refused save puts back what was typed): yuan, "on" for the box. */
export function organisationFormValues(input: OrganisationInput): Record<string, string> {
  return {
    kind: input.kind,
    name: input.name,
    creditCode: input.creditCode,
    invoiceTitle: input.invoiceTitle,
    taxId: input.taxId ?? "",
    address: input.address,
    district: input.district,
    approvalThreshold: input.approvalThreshold === undefined || input.approvalThreshold === null ? "" : (input.approvalThreshold / 100).toFixed(2),
    approvalWindowHours: String(input.approvalWindowHours),
    beijingOnlyDelivery: input.beijingOnlyDelivery ? "on" : "",
  };
}
