// An organisation's approval of its orders (issue 15): an order above the organisation's threshold waits for an
// approver before it can be paid; its stock stays reserved for the approval window (48 h by default), and the
// reservation sweep cancels it when nobody decided in time. Once approved, the ordinary bank-transfer window
// starts from the decision. Pure: the server (lib/server/orgs/approvals.ts) locks, writes and mails.
import type { ApprovalStatus } from "@/lib/generated/prisma/enums";

export const APPROVAL_WINDOW_HOURS = { min: 1, max: 24 * 14, default: 48 } as const;

export interface ApprovalPolicy {
  /** Orders above this many fen wait for an approver; null: none do. */
  approvalThresholdFen: number | null;
  approvalWindowHours: number;
}

/** Whether an order of `totalFen` needs an approver: strictly above the threshold ("above", as the issue says). */
export function needsApproval(policy: ApprovalPolicy, totalFen: number): boolean {
  return policy.approvalThresholdFen !== null && totalFen > policy.approvalThresholdFen;
}

/**
 * The approval state and reservation end of an organisation's order at placing: waiting orders hold their stock
 * for the approval window; the others keep the payment method's own window (`paymentWindowMs`).
 */
export function approvalAtPlacing(policy: ApprovalPolicy, totalFen: number, now: Date, paymentWindowMs: number): { approvalStatus: ApprovalStatus; reservedUntil: Date } {
  if (!needsApproval(policy, totalFen)) return { approvalStatus: "NONE", reservedUntil: new Date(now.getTime() + paymentWindowMs) };
  return { approvalStatus: "PENDING", reservedUntil: new Date(now.getTime() + policy.approvalWindowHours * 3_600_000) };
}

/** Whether an order in this approval state may be paid (a transfer confirmed, a card session opened). */
export const mayPay = (status: ApprovalStatus): boolean => status === "NONE" || status === "APPROVED";

export type ApprovalRefusal = "notPending" | "expired" | "ownOrder";

/**
 * Whether `deciderId` may decide now: the order must be waiting and still reserved; an approver does not approve
 * their own order (four eyes), unless they are the organisation's only approver — `soleApprover` — since a small
 * union's officer is often both.
 */
export function decisionRefusal(order: { approvalStatus: ApprovalStatus; status: string; reservedUntil: Date | null; buyerId: string }, deciderId: string, soleApprover: boolean, now: Date): ApprovalRefusal | null {
  if (order.approvalStatus !== "PENDING" || order.status !== "PENDING_PAYMENT") return "notPending";
  if (order.reservedUntil && order.reservedUntil.getTime() <= now.getTime()) return "expired";
  if (order.buyerId === deciderId && !soleApprover) return "ownOrder";
  return null;
}
