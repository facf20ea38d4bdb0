import "server-only";
// An organisation's members who hold a role. Filtered here rather than with Prisma's `roles: { has }`: on the
// embedded database (PGlite's adapter) that filter sends the role where an array is expected and fails ("malformed
// array literal"), so placing an order that waits for an approver, or removing an admin, failed there. An
// organisation has tens of members, not thousands.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationRole } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** The members of the organisation who hold `role`, earliest joined first, each with their user's id, mail and language. */
export async function membersWithRole(tx: Tx, organisationId: string, role: OrganisationRole) {
  const members = await tx.organisationMember.findMany({
    where: { organisationId },
    select: { roles: true, user: { select: { id: true, email: true, locale: true } } },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
  });
  return members.filter((m) => m.roles.includes(role));
}
