"use server";
import { revalidatePath } from "next/cache";
import { INVOICE_REQUESTER_ROLES } from "@/lib/domain/invoice";
import { db } from "@/lib/server/db";
import { cancelInvoiceRequest, invoiceReply } from "@/lib/server/orgs/invoices";
import { cancelInvoiceSchema } from "@/lib/validation/invoice";
import { orgAction } from "../chain";

/** A requester withdraws a request not yet issued (another organisation's request: not found, nothing written). */
export const cancelInvoiceAction = orgAction(INVOICE_REQUESTER_ROLES, cancelInvoiceSchema, async ({ requestId }, { actor, t }) => {
  const outcome = await cancelInvoiceRequest(db, { id: actor.id, organisationId: actor.organisation.id }, requestId);
  if (outcome.ok) {
    revalidatePath("/org/invoices");
    revalidatePath("/admin/invoices");
  }
  return invoiceReply(t, outcome, t("org.invoices.done.cancelled"), { requestId });
});
