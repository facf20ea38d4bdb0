// What the storefront's header shows per reader: whether someone is signed in (and which area is theirs) and how
// many units are in the cart. The storefront's pages are the same for everyone and come from the page cache; the
// header asks for this once they are on screen (components/layout/header-account.tsx). Only the caller's own
// session and cart are read; nothing is written (a guest without a cart cookie gets none).
import { getSessionUser } from "@/lib/server/authz";
import { countCartItems } from "@/lib/server/cart";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import type { HeaderState } from "@/lib/header-state";

export async function GET() {
  const user = await getSessionUser();
  const cartCount = await countCartItems(db, await cartOwner(user, false));
  const body: HeaderState = { role: user?.role ?? null, cartCount };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
