import "server-only";
// The tenant of institutional buying is the organisation: every read of an organisation's data takes
// `{ organisationId }` (resolved from the caller's membership, or chosen by a platform admin) and answers nothing
// for any other, and every write checks the caller against the organisation in its own transaction — a member of
// organisation A naming organisation B's ids gets "not found" and nothing is written (as lib/server/queries/
// coop-scope.ts for cooperatives). Outcomes carry a message key and an HTTP-like status; orgReply turns one into
// the ActionState a form shows (lib/server/actions/chain.ts's convention), so an action is a few lines.
import type { ActionState } from "@/lib/action-state";
import type { Db } from "@/lib/db/client";
import type { OrganisationRole, Prisma } from "@/lib/generated/prisma/client";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

export interface OrgScope {
  organisationId: string;
}

/** Who is acting: a platform admin may act for any organisation; anyone else through their membership. */
export interface OrgActor {
  id: string;
  platformAdmin: boolean;
}

export type OrgRefusal = { ok: false; status: 400 | 403 | 404 | 409 | 410; key: MessageKey; field?: string; vars?: Record<string, string | number> };
export type OrgOutcome<T extends object = object> = ({ ok: true } & T) | OrgRefusal;

export const refuse = (status: OrgRefusal["status"], key: MessageKey, field?: string, vars?: OrgRefusal["vars"]): OrgRefusal => ({ ok: false, status, key, ...(field ? { field } : {}), ...(vars ? { vars } : {}) });

export const NOT_FOUND = refuse(404, "org.errors.organisationNotFound");

/** The caller's membership: their organisation and roles, or null (a private buyer). */
export async function membershipOf(db: Db | Prisma.TransactionClient, userId: string) {
  return db.organisationMember.findUnique({
    where: { userId },
    select: { id: true, organisationId: true, roles: true, organisation: { select: { name: true, kind: true, status: true } } },
  });
}

/**
 * Whether the actor may administer the organisation (its profile, members, year figures): a platform admin, or a
 * member holding ORG_ADMIN. Someone else's organisation (or none) is 404, a member without the role 403.
 * Call it inside the write's transaction, after locking the organisation row.
 */
export async function checkOrgAdmin(tx: Prisma.TransactionClient, actor: OrgActor, organisationId: string): Promise<OrgRefusal | null> {
  if (actor.platformAdmin) return null;
  const own = await membershipOf(tx, actor.id);
  if (!own || own.organisationId !== organisationId) return NOT_FOUND;
  return own.roles.includes("ORG_ADMIN") ? null : refuse(403, "auth.errors.forbidden");
}

/** Takes the organisation's row lock until the transaction ends (membership changes serialise on it); false when there is none. */
export async function lockOrganisation(tx: Prisma.TransactionClient, organisationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
  return rows.length === 1;
}

export const hasRole = (roles: readonly OrganisationRole[], role: OrganisationRole) => roles.includes(role);

/** An outcome as the ActionState its form shows: the refusal's translated message (on its field too), or `done`. */
export function orgReply(t: Translate, outcome: OrgOutcome, done: string, values?: Record<string, string>): ActionState {
  if (outcome.ok) return { ok: true, status: 200, message: done };
  const message = t(outcome.key, outcome.vars);
  return { ok: false, status: outcome.status, message, ...(outcome.field ? { fieldErrors: { [outcome.field]: message } } : {}), ...(values ? { values } : {}) };
}
