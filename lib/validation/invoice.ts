// Input rules for invoices (issue 15): a member's request (an order or a month; 专票 also its bank account and
// address/phone), an admin's record of the issued invoice, a cancellation. Messages are keys into messages/*.json
// ("org.invoices.errors.*"), translated by the action chain. The amounts, titles and tax ids come from the database,
// never from the form.
import { z } from "zod";
import { INVOICE_KINDS, INVOICE_LIMITS, INVOICE_SCOPES, parseInvoiceMonth } from "@/lib/domain/invoice";
import { recordId, text } from "./text";

const E = "org.invoices.errors";

export const requestInvoiceSchema = z
  .object({
    kind: z.enum(INVOICE_KINDS, { message: `${E}.kindInvalid` }),
    scope: z.enum(INVOICE_SCOPES, { message: `${E}.scopeInvalid` }),
    orderId: recordId().optional().or(z.literal("")),
    month: text().max(20, `${E}.monthInvalid`).optional(),
    bankAccount: text().trim().max(INVOICE_LIMITS.bankAccountMax, `${E}.bankAccountTooLong`).optional(),
    addressPhone: text().trim().max(INVOICE_LIMITS.addressPhoneMax, `${E}.addressPhoneTooLong`).optional(),
  })
  .transform((v, ctx) => {
    const special = v.kind === "SPECIAL";
    if (special && !v.bankAccount) ctx.addIssue({ code: "custom", path: ["bankAccount"], message: `${E}.bankAccountRequired` });
    if (special && !v.addressPhone) ctx.addIssue({ code: "custom", path: ["addressPhone"], message: `${E}.addressPhoneRequired` });
    const month = v.scope === "MONTH" ? parseInvoiceMonth(v.month ?? "") : null;
    if (v.scope === "MONTH" && !month) ctx.addIssue({ code: "custom", path: ["month"], message: `${E}.monthInvalid` });
    if (v.scope === "ORDER" && !v.orderId) ctx.addIssue({ code: "custom", path: ["orderId"], message: `${E}.orderRequired` });
    const base = { kind: v.kind, bankAccount: special ? (v.bankAccount ?? "") : null, addressPhone: special ? (v.addressPhone ?? "") : null };
    return v.scope === "ORDER" ? { ...base, scope: "ORDER" as const, orderId: v.orderId ?? "", month: null } : { ...base, scope: "MONTH" as const, orderId: null, month: month ?? "" };
  });
export type RequestInvoiceInput = z.output<typeof requestInvoiceSchema>;

export const cancelInvoiceSchema = z.object({ requestId: recordId() });

export const issueInvoiceSchema = z.object({
  requestId: recordId(),
  invoiceNumber: text().max(40, `${E}.numberInvalid`),
  issuedOn: text().max(20, `${E}.dateInvalid`),
  // A form with no file chosen still sends an empty one.
  file: z.instanceof(File, { message: `${E}.pdfMissing` }).refine((f) => f.size > 0, `${E}.pdfMissing`),
});
