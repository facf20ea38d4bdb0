// Who may do what: one decision function, used by the page guards, the route handlers and the server
// action chain. Pure, so the whole table can be tested without a server.

export type Role = "BUYER" | "MANAGER" | "ADMIN";

/** A member's roles in their organisation (institutional buying, issue 15); the Prisma enum's values. */
export type OrgRole = "ORG_ADMIN" | "PURCHASER" | "APPROVER" | "FINANCE";

export interface Actor {
  id: string;
  role: Role;
  cooperativeIds: readonly string[];
  /** The organisation the person belongs to (one at most) and their roles there; absent or null for none. */
  organisation?: { id: string; roles: readonly OrgRole[] } | null;
}

export type Access =
  | { kind: "public" }
  | { kind: "signedIn" }
  | { kind: "role"; roles: readonly Role[] }
  /** A manager of this cooperative (the tenant). */
  | { kind: "cooperative"; cooperativeId: string }
  /** The owner of a record (e.g. a buyer's address or order). */
  | { kind: "owner"; ownerId: string }
  /**
   * A member of an organisation holding one of `roles` (any member when empty). `organisationId` names the
   * organisation (another one's answers "not found"); left out, the caller's own organisation is meant (/org).
   */
  | { kind: "organisation"; organisationId?: string; roles: readonly OrgRole[] };

export type Decision = "allow" | "unauthenticated" | "forbidden" | "notFound";

export function decide(actor: Actor | null, access: Access): Decision {
  if (access.kind === "public") return "allow";
  if (!actor) return "unauthenticated";
  switch (access.kind) {
    case "signedIn":
      return "allow";
    case "role":
      return access.roles.includes(actor.role) ? "allow" : "forbidden";
    case "cooperative":
      // Someone else's cooperative answers "not found", so its existence is not confirmed either.
      if (actor.role !== "MANAGER") return "forbidden";
      return actor.cooperativeIds.includes(access.cooperativeId) ? "allow" : "notFound";
    case "owner":
      return actor.id === access.ownerId ? "allow" : "notFound";
    case "organisation": {
      const own = actor.organisation;
      // Not a member of any organisation: the area is not theirs (403); someone else's organisation: not found.
      if (!own) return "forbidden";
      if (access.organisationId !== undefined && access.organisationId !== own.id) return "notFound";
      return access.roles.length === 0 || access.roles.some((r) => own.roles.includes(r)) ? "allow" : "forbidden";
    }
  }
}

/**
 * Reading an organisation's orders, statements and invoices: its members with one of `roles`, and any admin (the
 * county reports every organisation's reserved share and issues their invoices). Writes stay with the members.
 */
export function decideOrganisationRead(actor: Actor | null, organisationId: string, roles: readonly OrgRole[]): Decision {
  if (actor?.role === "ADMIN") return "allow";
  return decide(actor, { kind: "organisation", organisationId, roles });
}

/**
 * Reading a cooperative's statements and household income: its managers (as `cooperative`), and any admin, since
 * the platform pays every cooperative. Only for read pages that opt in (guardCooperativePage's `admins`); writes
 * stay with the managers (`cooperative`, which refuses admins).
 */
export function decideCooperativeRead(actor: Actor | null, cooperativeId: string): Decision {
  if (actor?.role === "ADMIN") return "allow";
  return decide(actor, { kind: "cooperative", cooperativeId });
}

export const decisionStatus: Record<Decision, 200 | 401 | 403 | 404> = {
  allow: 200,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
};

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "ADMIN" ? "/admin" : role === "MANAGER" ? "/coop" : "/account";
}

/** Whether `path` is `area` or below it ("/coop/x" is in "/coop"; "/cooperatives" is not). */
const inArea = (path: string, area: string) => path === area || path.startsWith(`${area}/`) || path.startsWith(`${area}?`);

/**
 * A post-sign-in destination from the URL: a local path only, never another site. Control characters and
 * backslashes are refused outright, since browsers drop tabs and newlines from URLs ("/\t/evil.com" would
 * become "//evil.com") and read "\" as "/".
 */
export function safeNext(next: string | null | undefined, role: Role): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused.
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(next) || inArea(next, "/api")) return homeFor(role);
  if (inArea(next, "/admin") && role !== "ADMIN") return homeFor(role);
  if (inArea(next, "/coop") && role !== "MANAGER") return homeFor(role);
  return next;
}
