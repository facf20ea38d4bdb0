import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { homeFor } from "@/lib/domain/permissions";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";
import { getSessionUser } from "@/lib/server/authz";
import { countCartItems } from "@/lib/server/cart";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";

const linkClass = "whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium hover:bg-earth-100";

/** The cart with its count, and the account link and sign-out (or sign-in): what depends on the session. */
export async function HeaderAccount() {
  const t = await getTranslations("nav");
  const user = await getSessionUser();
  const cartCount = await countCartItems(db, await cartOwner(user, false));
  return (
    <>
      <Link href="/cart" className={linkClass} data-testid="cart-link">
        {cartCount > 0 ? t("cartCount", { count: cartCount }) : t("cart")}
      </Link>
      {user ? (
        <>
          <Link href={homeFor(user.role)} className={linkClass}>
            {user.role === "ADMIN" ? t("admin") : user.role === "MANAGER" ? t("coop") : t("account")}
          </Link>
          <ActionForm action={signOutAction} submitLabel={t("signOut")} variant="secondary" className="[&_button]:whitespace-nowrap [&_button]:px-2 [&_button]:py-1.5 [&_button]:text-sm" />
        </>
      ) : (
        <Link href="/sign-in" className={linkClass}>
          {t("signIn")}
        </Link>
      )}
    </>
  );
}

/** Same size as the cart link, so nothing moves when the real one arrives. */
export function HeaderAccountFallback() {
  return <span aria-hidden className="inline-block h-8 w-16 rounded-md bg-earth-100/60" />;
}
