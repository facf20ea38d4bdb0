"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { cancelInvoiceRequest, invoiceReply } from "@/lib/server/orgs/invoices";
import { cancelInvoiceSchema } from "@/lib/validation/invoice";
import { roleAction } from "../chain";

/** An admin cancels a request that cannot be issued as asked (the organisation then asks again), freeing its orders. */
export const adminCancelInvoiceAction = roleAction(["ADMIN"], cancelInvoiceSchema, async ({ requestId }, { actor, t }) => {
  const outcome = await cancelInvoiceRequest(db, { id: actor.id, organisationId: null }, requestId);
  if (outcome.ok) {
    revalidatePath("/admin/invoices");
    revalidatePath("/org/invoices");
  }
  return invoiceReply(t, outcome, t("org.invoices.done.cancelled"), { requestId });
});
