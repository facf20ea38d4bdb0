// A product's life as a listing (DESIGN.md "Listing"): draft → in review → on sale (certified 扶贫产品认定, with a
// certificate number and validity) | rejected (with a reason); on sale ↔ off sale; an expired or revoked
// certificate takes it off sale at once; a product with orders is archived, never deleted. Pure: the server
// (lib/server/listings) takes the row lock, asks here, and writes what this returns.
import { beijingDayOf } from "./calendar";

export const LISTING_STATUSES = ["DRAFT", "IN_REVIEW", "ON_SALE", "OFF_SALE", "REJECTED", "ARCHIVED"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const CERTIFICATION_STATUSES = ["PENDING", "CERTIFIED", "REVOKED", "EXPIRED"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** Who moves a listing: its cooperative's manager, the county's admin, or the shop itself (expiry). */
export type ListingActor = "manager" | "admin" | "system";

export const LISTING_EVENTS = {
  submit: "manager", // for certification (again, after a rejection, expiry or revocation)
  withdraw: "manager", // back to draft, to edit before review
  takeOffSale: "manager",
  putOnSale: "manager",
  archive: "manager",
  restore: "manager",
  approve: "admin",
  reject: "admin",
  revoke: "admin",
  expire: "system",
} as const satisfies Record<string, ListingActor>;
export type ListingEvent = keyof typeof LISTING_EVENTS;

/** The certificate as it stands on a given Beijing day. */
export type CertificateState = "none" | "valid" | "notYetValid" | "expired" | "revoked";

export interface CertificateProbe {
  certificationStatus: CertificationStatus;
  /** Calendar days (a DATE column: midnight UTC of the day), inclusive. */
  certificateValidFrom: Date | null;
  certificateValidUntil: Date | null;
}

const dayOfDateColumn = (d: Date): string => d.toISOString().slice(0, 10);

export function certificateState(p: CertificateProbe, now: Date): CertificateState {
  if (p.certificationStatus === "REVOKED") return "revoked";
  if (p.certificationStatus === "EXPIRED") return "expired";
  if (p.certificationStatus !== "CERTIFIED" || !p.certificateValidUntil) return "none";
  const today = beijingDayOf(now);
  if (dayOfDateColumn(p.certificateValidUntil) < today) return "expired";
  if (p.certificateValidFrom && dayOfDateColumn(p.certificateValidFrom) > today) return "notYetValid";
  return "valid";
}

/** The first Beijing day on which a certificate valid until `validUntil` no longer is: the filter's bound. */
export function validUntilBound(now: Date): Date {
  return new Date(`${beijingDayOf(now)}T00:00:00.000Z`);
}

export interface ListingContext {
  certificate: CertificateState;
  /** Whether any order line names the product (it can then be archived, never deleted). */
  hasOrders: boolean;
}

export type ListingRefusal =
  | "notAllowed" // no such move from this state
  | "wrongActor" // e.g. a manager approving their own product
  | "certificateNotValid" // back on sale needs a certificate valid today
  | "certificateStillValid"; // resubmitting while certified and on sale or off sale with a valid certificate

export type ListingMove = { ok: true; to: ListingStatus } | { ok: false; reason: ListingRefusal };

// from → event → to. Guards that depend on the certificate are below.
const TABLE: { readonly [F in ListingStatus]: { readonly [E in ListingEvent]?: ListingStatus } } = {
  DRAFT: { submit: "IN_REVIEW", archive: "ARCHIVED" },
  IN_REVIEW: { withdraw: "DRAFT", approve: "ON_SALE", reject: "REJECTED" },
  ON_SALE: { takeOffSale: "OFF_SALE", revoke: "OFF_SALE", expire: "OFF_SALE", archive: "ARCHIVED" },
  OFF_SALE: { putOnSale: "ON_SALE", submit: "IN_REVIEW", revoke: "OFF_SALE", expire: "OFF_SALE", archive: "ARCHIVED" },
  REJECTED: { submit: "IN_REVIEW", withdraw: "DRAFT", archive: "ARCHIVED" },
  ARCHIVED: { restore: "OFF_SALE" },
};

export function moveListing(from: ListingStatus, event: ListingEvent, actor: ListingActor, ctx: ListingContext): ListingMove {
  const to = TABLE[from][event];
  if (!to) return { ok: false, reason: "notAllowed" };
  if (LISTING_EVENTS[event] !== actor) return { ok: false, reason: "wrongActor" };
  switch (event) {
    case "putOnSale":
      if (ctx.certificate !== "valid") return { ok: false, reason: "certificateNotValid" };
      break;
    case "submit":
      // Off sale with a certificate still good: put it back on sale instead; review is for a new certificate.
      if (from === "OFF_SALE" && (ctx.certificate === "valid" || ctx.certificate === "notYetValid")) return { ok: false, reason: "certificateStillValid" };
      break;
    case "revoke":
      if (ctx.certificate !== "valid" && ctx.certificate !== "notYetValid" && ctx.certificate !== "expired") return { ok: false, reason: "notAllowed" };
      break;
    case "expire":
      if (ctx.certificate !== "expired") return { ok: false, reason: "notAllowed" };
      break;
    case "restore":
      // An archived product that was never certified comes back as a draft.
      return { ok: true, to: ctx.certificate === "none" ? "DRAFT" : "OFF_SALE" };
  }
  return { ok: true, to };
}

/** The events a given actor could try from a state (for the buttons a page shows); guards still apply. */
export function eventsFrom(from: ListingStatus, actor: ListingActor): ListingEvent[] {
  return (Object.keys(TABLE[from]) as ListingEvent[]).filter((e) => LISTING_EVENTS[e] === actor);
}

/** A draft or rejected product nobody ever ordered may be deleted outright; anything else is archived. */
export function canDelete(status: ListingStatus, hasOrders: boolean): boolean {
  return !hasOrders && (status === "DRAFT" || status === "REJECTED");
}

/** Details (names, price, rule…) are frozen while a reviewer looks at them, and once archived. */
export function canEditDetails(status: ListingStatus): boolean {
  return status !== "IN_REVIEW" && status !== "ARCHIVED";
}

/** Stock, photos and batches can change in every state but archived. */
export function canEditStock(status: ListingStatus): boolean {
  return status !== "ARCHIVED";
}

/** The states the manager's home counts products in. */
export const HOME_STATES = ["DRAFT", "IN_REVIEW", "ON_SALE", "OFF_SALE", "REJECTED"] as const satisfies readonly ListingStatus[];
