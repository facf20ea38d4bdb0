"use server";
import { revalidatePath } from "next/cache";
import { INVOICE_REQUESTER_ROLES } from "@/lib/domain/invoice";
import { formatterFor } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/i18n/format";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { invoiceReply, requestInvoice } from "@/lib/server/orgs/invoices";
import { requestInvoiceSchema } from "@/lib/validation/invoice";
import { orgAction } from "../chain";

/**
 * A member requests a VAT invoice for one of their organisation's paid orders or for an ended month. Purchasers,
 * finance members and the organisation's admins may (lib/domain/invoice.ts INVOICE_REQUESTER_ROLES): the purchaser
 * knows what was bought, finance needs the invoice; an approver only approves. The organisation is the caller's own.
 */
export const requestInvoiceAction = orgAction(INVOICE_REQUESTER_ROLES, requestInvoiceSchema, async (input, { actor, t }) => {
  const values = { kind: input.kind, scope: input.scope, orderId: input.orderId ?? "", month: input.month ?? "", bankAccount: input.bankAccount ?? "", addressPhone: input.addressPhone ?? "" };
  const outcome = await requestInvoice(db, { id: actor.id, organisationId: actor.organisation.id }, input);
  if (!outcome.ok) return invoiceReply(t, outcome, "", values);
  revalidatePath("/org/invoices");
  revalidatePath("/admin/invoices");
  const amount = formatMoney(formatterFor(await getLocale()), outcome.amountFen);
  return invoiceReply(t, outcome, t("org.invoices.done.requested", { amount }));
});
