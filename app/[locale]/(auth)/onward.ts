// Where a sign-in or sign-up page sends the reader on to (its ?next=), kept through the link between the two.
import { homeFor, safeNext } from "@/lib/domain/permissions";

/**
 * The ?next= a new buyer's account should land on: a safe local path (safeNext's rules for a buyer), or null
 * when there is none or it is just the buyer's home.
 */
export function onwardPath(next: string | string[] | undefined): string | null {
  const wanted = typeof next === "string" ? safeNext(next, "BUYER") : null;
  return wanted && wanted !== homeFor("BUYER") ? wanted : null;
}

/** Whether the reader came here on the way to the checkout. */
export const toCheckout = (path: string | null): boolean => path !== null && /^\/checkout(?:[?#]|$)/.test(path);

/** A link to the other page (sign-in ↔ sign-up) that keeps the way back. */
export const withNext = (page: "/sign-in" | "/sign-up", onward: string | null): string => (onward ? `${page}?next=${encodeURIComponent(onward)}` : page);
