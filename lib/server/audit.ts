import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-in-throttled"
  | "auth.sign-up"
  | "auth.sign-out"
  | "auth.password-reset-requested"
  | "auth.password-reset"
  | "user.role-changed"
  | "account.profile-updated"
  | "account.address-saved"
  | "account.address-deleted"
  | "account.institution-saved"
  | "order.transfer-confirmed"
  | "refund.approved"
  | "refund.rejected"
  | "product.benefit-rule-saved"
  | "product.created"
  | "product.updated"
  | "product.deleted"
  | "product.listing-changed"
  | "product.certified"
  | "product.certification-rejected"
  | "product.certificate-revoked"
  | "product.certificate-expired"
  | "product.stock-adjusted"
  | "product.image-added"
  | "product.image-changed"
  | "product.image-deleted"
  | "product.batch-created"
  | "product.price-tiers-saved"
  | "household.personal-data-read"
  | "shipment.receipt-confirmed"
  | "shipment.delivered-automatically"
  | "refund.requested"
  | "account.mail-preference-changed"
  | "shipment.packed"
  | "shipment.shipped"
  | "order.address-read"
  | "household.added"
  | "household.changed"
  | "household.participation-ended"
  | "roster.imported"
  | "cooperative.created"
  | "cooperative.certified"
  | "cooperative.suspended"
  | "cooperative.reinstated"
  | "manager.invited"
  | "manager.invite-accepted"
  | "manager.removed"
  | "user.disabled"
  | "user.enabled"
  | "settlement.generated"
  | "settlement.confirmed"
  | "settlement.disputed"
  | "settlement.reopened"
  | "settlement.paid"
  | "monitoring.evaluated"
  | "monitoring.follow-up"
  | "monitoring.flag-decided"
  | "monitoring.household-monitored"
  | "monitoring.line-set"
  | "organisation.created"
  | "organisation.updated"
  | "organisation.year-saved"
  | "organisation.member-invited"
  | "organisation.invite-accepted"
  | "organisation.member-roles-changed"
  | "organisation.member-removed"
  | "gift-list.uploaded"
  | "gift-list.placed"
  | "gift-list.discarded"
  | "order.approved"
  | "order.rejected"
  | "invoice.requested"
  | "invoice.cancelled"
  | "invoice.issued";

/** Appends one audit-log row. Pass the transaction client to write it with the change it records. */
export async function audit(
  db: Db | Prisma.TransactionClient,
  entry: { action: AuditAction; actorId?: string | null; entityType: string; entityId?: string | null; ip?: string | null; metadata?: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ip: entry.ip ?? null,
      metadata: entry.metadata,
    },
  });
}
