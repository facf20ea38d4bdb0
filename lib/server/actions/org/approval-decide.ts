"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { decideApproval } from "@/lib/server/orgs/approvals";
import { orgReply } from "@/lib/server/orgs/scope";
import { approvalDecisionSchema } from "@/lib/validation/org";
import { orgAction } from "../chain";

/**
 * An approver of the caller's organisation approves or rejects one of its waiting orders, with a note (required to
 * reject). The order is looked up within the caller's organisation only: another one's id is "not found".
 */
export const decideApprovalAction = orgAction(["APPROVER"], approvalDecisionSchema, async (input, { actor, t }) => {
  const approve = input.decision === "approve";
  const outcome = await decideApproval(db, actor.id, { organisationId: actor.organisation.id, orderId: input.orderId, approve, note: input.note });
  if (!outcome.ok) return orgReply(t, outcome, "", { orderId: input.orderId, note: input.note });
  // A rejection gave the stock back: the pages of the order's products.
  if (!approve) await ordersMovedStock([input.orderId], "released");
  revalidatePath("/[locale]/org", "layout");
  // The decided order leaves the waiting list (and its form with it): the page says what was done.
  redirect(`/org/approvals?${new URLSearchParams({ done: approve ? "approved" : "rejected", number: outcome.number }).toString()}`);
});
