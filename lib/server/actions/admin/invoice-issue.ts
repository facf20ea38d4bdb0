"use server";
import { revalidatePath } from "next/cache";
import { INVOICE_LIMITS } from "@/lib/domain/invoice";
import { db } from "@/lib/server/db";
import { invoiceReply, issueInvoice } from "@/lib/server/orgs/invoices";
import { getStorage } from "@/lib/server/storage";
import { issueInvoiceSchema } from "@/lib/validation/invoice";
import { roleAction } from "../chain";

/**
 * An admin of the county centre records an invoice issued in its invoicing software: number, date and the PDF
 * (a PDF by its first bytes, 5 MB at most). The request becomes ISSUED and its requester is mailed.
 */
export const issueInvoiceAction = roleAction(["ADMIN"], issueInvoiceSchema, async (input, { actor, t }) => {
  const values = { requestId: input.requestId, invoiceNumber: input.invoiceNumber, issuedOn: input.issuedOn };
  // Refused before the bytes are read (the body itself is capped in next.config.js).
  if (input.file.size > INVOICE_LIMITS.maxPdfBytes) {
    const message = t("org.invoices.errors.pdfTooLarge");
    return { ok: false, status: 400, message, fieldErrors: { file: message }, values };
  }
  const pdf = new Uint8Array(await input.file.arrayBuffer());
  const outcome = await issueInvoice(db, getStorage(), actor, { requestId: input.requestId, invoiceNumber: input.invoiceNumber, issuedOn: input.issuedOn, pdf });
  if (!outcome.ok) return invoiceReply(t, outcome, "", values);
  revalidatePath("/admin/invoices");
  revalidatePath("/org/invoices");
  return invoiceReply(t, outcome, t("org.invoices.done.issued", { number: outcome.number }), { requestId: input.requestId });
});
