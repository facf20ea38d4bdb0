import "server-only";
import type { SessionUser } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { clearGuestCookie, guestTokenFromCookie, issueGuestToken, mergeGuestCart, type CartOwner } from "./index";

/** Whose cart this request is about: the signed-in user's, else the guest cookie's (created when asked). */
export async function cartOwner(actor: SessionUser | null, create: boolean): Promise<CartOwner | null> {
  if (actor) return { userId: actor.id };
  const token = (await guestTokenFromCookie()) ?? (create ? await issueGuestToken() : null);
  return token ? { guestToken: token } : null;
}

/** On sign-in or sign-up: the guest cart of this browser joins the account's cart. */
export async function adoptGuestCart(userId: string): Promise<void> {
  const token = await guestTokenFromCookie();
  if (!token) return;
  await mergeGuestCart(db, token, userId);
  await clearGuestCookie();
}
