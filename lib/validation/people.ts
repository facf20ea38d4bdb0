// Input rules for administering cooperatives and people (admins) and for accepting a manager invite. Messages are
// keys into messages/*.json ("people.errors.*", "validation.*"), translated by the action chain.
import { z } from "zod";
import { parseYuanToFen } from "@/lib/domain/money";
import { passwordProblem } from "./account";
import { recordId, text } from "./text";

const E = "people.errors";

/** Shipping terms are typed in yuan; stored in fen. The fee at most ¥1,000, the threshold at most ¥100,000. */
const yuan = (maxFen: number, invalid: string) =>
  text()
    .transform((v) => v.normalize("NFKC").trim())
    .transform((v, ctx) => {
      const fen = parseYuanToFen(v);
      if (fen === null || fen > maxFen) {
        ctx.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return fen;
    });

const optionalLine = (max: number, tooLong: string) =>
  text()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

export const email = text()
  .trim()
  .toLowerCase()
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

export const cooperativeCreateSchema = z.object({
  villageId: recordId().or(z.literal("")).refine((v) => v !== "", `${E}.villageRequired`),
  enterpriseId: recordId()
    .or(z.literal(""))
    .optional()
    .transform((v) => (v ? v : null)),
  nameZh: text().trim().min(1, `${E}.nameZhRequired`).max(60, `${E}.nameTooLong`),
  nameEn: text().trim().min(1, `${E}.nameEnRequired`).max(100, `${E}.nameTooLong`),
  contactPhone: text()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s-]/g, "") : null))
    .refine((v) => v === null || /^\+?\d{7,15}$/.test(v), `${E}.contactPhoneInvalid`),
  bankAccountName: optionalLine(100, `${E}.bankFieldTooLong`),
  bankName: optionalLine(100, `${E}.bankFieldTooLong`),
  bankAccountNumber: text()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\s/g, "") : null))
    .refine((v) => v === null || /^\d{8,32}$/.test(v), `${E}.bankAccountNumberInvalid`),
  shippingFee: yuan(100_000, `${E}.shippingFeeInvalid`),
  freeShippingMin: yuan(10_000_000, `${E}.freeShippingMinInvalid`),
});
export type CooperativeCreateInput = z.output<typeof cooperativeCreateSchema>;

export const COOPERATIVE_STATUS_CHANGES = ["certify", "suspend", "reinstate"] as const;
export type CooperativeStatusChange = (typeof COOPERATIVE_STATUS_CHANGES)[number];

export const cooperativeStatusSchema = z.object({
  cooperativeId: recordId(),
  change: z.enum(COOPERATIVE_STATUS_CHANGES),
});

export const managerInviteSchema = z.object({ cooperativeId: recordId(), email });

export const managerRemoveSchema = z.object({ cooperativeId: recordId(), userId: recordId() });

export const userDisableSchema = z.object({ userId: recordId(), change: z.enum(["disable", "enable"]) });

export const acceptInviteSchema = z
  .object({
    token: text().min(20, "auth.errors.tokenInvalid").max(200, "auth.errors.tokenInvalid"),
    name: text().trim().min(1, "validation.nameRequired").max(40, "validation.nameTooLong"),
    // Checked by passwordProblem below (the sign-up rules); text() only refuses control characters.
    password: text(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, "", v.name);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
