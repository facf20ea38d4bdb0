// The listing's state machine (lib/domain/listing.ts), every move spelled out: for each state, event and
// certificate, who may make it and where it leads. A row missing here, or an allowed move the table does not
// list, fails the exhaustive test at the bottom.
import { describe, expect, test } from "vitest";
import {
  canDelete,
  canEditDetails,
  canEditStock,
  certificateState,
  eventsFrom,
  LISTING_EVENTS,
  LISTING_STATUSES,
  moveListing,
  type CertificateProbe,
  type CertificateState,
  type ListingEvent,
  type ListingStatus,
} from "@/lib/domain/listing";

const CERTIFICATES: CertificateState[] = ["none", "valid", "notYetValid", "expired", "revoked"];
const ALL = CERTIFICATES;
const STILL_GOOD: CertificateState[] = ["valid", "notYetValid"];
const NOT_GOOD: CertificateState[] = ["none", "expired", "revoked"];

// [from, event, certificates for which the move is allowed, to]. Everything not listed is refused.
const ALLOWED: Array<[ListingStatus, ListingEvent, CertificateState[], ListingStatus | ((c: CertificateState) => ListingStatus)]> = [
  ["DRAFT", "submit", ALL, "IN_REVIEW"],
  ["DRAFT", "archive", ALL, "ARCHIVED"],
  ["IN_REVIEW", "withdraw", ALL, "DRAFT"],
  ["IN_REVIEW", "approve", ALL, "ON_SALE"],
  ["IN_REVIEW", "reject", ALL, "REJECTED"],
  ["ON_SALE", "takeOffSale", ALL, "OFF_SALE"],
  ["ON_SALE", "revoke", ["valid", "notYetValid", "expired"], "OFF_SALE"],
  ["ON_SALE", "expire", ["expired"], "OFF_SALE"],
  ["ON_SALE", "archive", ALL, "ARCHIVED"],
  ["OFF_SALE", "putOnSale", ["valid"], "ON_SALE"],
  ["OFF_SALE", "submit", NOT_GOOD, "IN_REVIEW"],
  ["OFF_SALE", "revoke", ["valid", "notYetValid", "expired"], "OFF_SALE"],
  ["OFF_SALE", "expire", ["expired"], "OFF_SALE"],
  ["OFF_SALE", "archive", ALL, "ARCHIVED"],
  ["REJECTED", "submit", ALL, "IN_REVIEW"],
  ["REJECTED", "withdraw", ALL, "DRAFT"],
  ["REJECTED", "archive", ALL, "ARCHIVED"],
  ["ARCHIVED", "restore", ALL, (c) => (c === "none" ? "DRAFT" : "OFF_SALE")],
];

const EVENTS = Object.keys(LISTING_EVENTS) as ListingEvent[];

function expected(from: ListingStatus, event: ListingEvent, certificate: CertificateState): ListingStatus | null {
  const row = ALLOWED.find(([f, e, certs]) => f === from && e === event && certs.includes(certificate));
  if (!row) return null;
  const to = row[3];
  return typeof to === "function" ? to(certificate) : to;
}

describe("every move, for its own actor", () => {
  const cases = LISTING_STATUSES.flatMap((from) => EVENTS.flatMap((event) => CERTIFICATES.map((certificate) => [from, event, certificate] as const)));
  test.each(cases)("%s --%s--> (certificate %s)", (from, event, certificate) => {
    const move = moveListing(from, event, LISTING_EVENTS[event], { certificate, hasOrders: false });
    const to = expected(from, event, certificate);
    if (to) expect(move).toEqual({ ok: true, to });
    else expect(move.ok).toBe(false);
  });
});

describe("the refusals say why", () => {
  test.each<[ListingStatus, ListingEvent, CertificateState, string]>([
    ["ON_SALE", "approve", "valid", "notAllowed"], // only from review
    ["OFF_SALE", "putOnSale", "expired", "certificateNotValid"],
    ["OFF_SALE", "putOnSale", "revoked", "certificateNotValid"],
    ["OFF_SALE", "putOnSale", "notYetValid", "certificateNotValid"],
    ["OFF_SALE", "submit", "valid", "certificateStillValid"],
    ["OFF_SALE", "submit", "notYetValid", "certificateStillValid"],
    ["ON_SALE", "expire", "valid", "notAllowed"],
    ["ARCHIVED", "putOnSale", "valid", "notAllowed"],
  ])("%s --%s--> with a certificate %s: %s", (from, event, certificate, reason) => {
    expect(moveListing(from, event, LISTING_EVENTS[event], { certificate, hasOrders: false })).toEqual({ ok: false, reason });
  });
});

describe("nobody makes another's move", () => {
  const actors = ["manager", "admin", "system"] as const;
  test.each(EVENTS.flatMap((event) => actors.filter((a) => a !== LISTING_EVENTS[event]).map((actor) => [event, actor] as const)))("%s by %s is refused", (event, actor) => {
    for (const from of LISTING_STATUSES)
      for (const certificate of CERTIFICATES) {
        const move = moveListing(from, event, actor, { certificate, hasOrders: false });
        expect(move.ok).toBe(false);
      }
  });

  test("a manager approving their own product: wrongActor", () => {
    expect(moveListing("IN_REVIEW", "approve", "manager", { certificate: "none", hasOrders: false })).toEqual({ ok: false, reason: "wrongActor" });
  });
});

describe("the buttons each actor is offered", () => {
  test.each<[ListingStatus, "manager" | "admin", ListingEvent[]]>([
    ["DRAFT", "manager", ["submit", "archive"]],
    ["IN_REVIEW", "manager", ["withdraw"]],
    ["IN_REVIEW", "admin", ["approve", "reject"]],
    ["ON_SALE", "manager", ["takeOffSale", "archive"]],
    ["ON_SALE", "admin", ["revoke"]],
    ["OFF_SALE", "manager", ["putOnSale", "submit", "archive"]],
    ["REJECTED", "manager", ["submit", "withdraw", "archive"]],
    ["ARCHIVED", "manager", ["restore"]],
    ["ARCHIVED", "admin", []],
  ])("%s, %s: %j", (from, actor, events) => {
    expect(eventsFrom(from, actor).sort()).toEqual([...events].sort());
  });
});

describe("what may change in each state", () => {
  test.each(LISTING_STATUSES.map((s) => [s] as const))("%s", (status) => {
    expect(canEditDetails(status)).toBe(status !== "IN_REVIEW" && status !== "ARCHIVED");
    expect(canEditStock(status)).toBe(status !== "ARCHIVED");
    expect(canDelete(status, false)).toBe(status === "DRAFT" || status === "REJECTED");
    expect(canDelete(status, true)).toBe(false); // a product with orders is archived, never deleted
  });
});

describe("certificateState on Beijing days", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  const certified: CertificateProbe = { certificationStatus: "CERTIFIED", certificateValidFrom: day("2026-01-01"), certificateValidUntil: day("2026-11-30") };
  test.each<[string, Partial<CertificateProbe>, string, CertificateState]>([
    ["the last valid day, 23:59 in Beijing", {}, "2026-11-30T15:59:00Z", "valid"],
    ["the next day, 00:00 in Beijing (still the 30th in UTC)", {}, "2026-11-30T16:00:00Z", "expired"],
    ["the day before it starts", { certificateValidFrom: day("2026-12-01") }, "2026-11-30T12:00:00Z", "notYetValid"],
    ["no validity recorded", { certificateValidUntil: null }, "2026-11-30T12:00:00Z", "none"],
    ["revoked, even within its dates", { certificationStatus: "REVOKED" }, "2026-06-01T12:00:00Z", "revoked"],
    ["marked expired by the sweep", { certificationStatus: "EXPIRED" }, "2026-06-01T12:00:00Z", "expired"],
    ["never certified", { certificationStatus: "PENDING" }, "2026-06-01T12:00:00Z", "none"],
  ])("%s", (_, change, now, state) => {
    expect(certificateState({ ...certified, ...change }, new Date(now))).toBe(state);
  });

  test("STILL_GOOD and NOT_GOOD cover every certificate state once", () => {
    expect([...STILL_GOOD, ...NOT_GOOD].sort()).toEqual([...CERTIFICATES].sort());
  });
});
