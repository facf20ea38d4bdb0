import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { homeFor } from "@/lib/domain/permissions";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";
import { getSessionUser } from "@/lib/server/authz";
import { countCartItems } from "@/lib/server/cart";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import type { Locale } from "@/lib/i18n/config";

const linkClass = "whitespace-nowrap rounded-md px-1.5 py-1.5 text-sm font-medium hover:bg-earth-100 sm:px-2";

/**
 * The box the cart and account links sit in, and the fallback shown while they stream in: one width class for
 * both, so the header's first row does not move when the session arrives. Sized (per language) for the widest
 * usual case: a two-digit cart count and the longest account label (and sign-out from `sm:` up). A minimum, not a
 * width: a longer label takes room from the shop's tagline instead of covering it.
 */
export function accountSlotClass(locale: Locale): string {
  const width = locale === "en" ? "min-w-[8.75rem] sm:min-w-[13.5rem]" : "min-w-[11.5rem] sm:min-w-[17.5rem]";
  return `flex shrink-0 items-center justify-end gap-1 sm:gap-2 ${width}`;
}

/**
 * The cart with its count, the account link, and (from `sm:` up) sign-out, or sign-in: what depends on the
 * session. On a phone sign-out is on the account pages instead (app/(account)/account/layout.tsx), so the first
 * row keeps to one line.
 */
export async function HeaderAccount({ locale }: { locale: Locale }) {
  const t = await getTranslations("nav");
  const user = await getSessionUser();
  const cartCount = await countCartItems(db, await cartOwner(user, false));
  return (
    <div className={accountSlotClass(locale)}>
      <Link href="/cart" className={linkClass} data-testid="cart-link">
        {cartCount > 0 ? t("cartCount", { count: cartCount }) : t("cart")}
      </Link>
      {user ? (
        <>
          <Link href={homeFor(user.role)} className={linkClass}>
            {user.role === "ADMIN" ? t("admin") : user.role === "MANAGER" ? t("coop") : t("account")}
          </Link>
          <ActionForm
            action={signOutAction}
            submitLabel={t("signOut")}
            variant="secondary"
            className="hidden sm:block [&_button]:whitespace-nowrap [&_button]:px-2 [&_button]:py-1.5 [&_button]:text-sm"
          />
        </>
      ) : (
        <Link href="/sign-in" className={linkClass}>
          {t("signIn")}
        </Link>
      )}
    </div>
  );
}

/** The same box as HeaderAccount, empty but for a placeholder, so nothing moves when the real one arrives. */
export function HeaderAccountFallback({ locale }: { locale: Locale }) {
  return (
    <div aria-hidden className={accountSlotClass(locale)}>
      <span className="inline-block h-8 w-16 rounded-md bg-earth-100/60" />
    </div>
  );
}
