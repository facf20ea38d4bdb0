"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
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
  if (outcome.ok) revalidatePath("/[locale]/org", "layout");
  const done = outcome.ok ? t(approve ? "org.approvals.done.approved" : "org.approvals.done.rejected", { number: outcome.number }) : "";
  return orgReply(t, outcome, done, outcome.ok ? undefined : { orderId: input.orderId, note: input.note });
});
