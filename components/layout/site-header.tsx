import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { ActionForm } from "@/components/ui/action-form";
import { homeFor, type Role } from "@/lib/domain/permissions";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";
import { LocaleSwitch } from "./locale-switch";

export function SiteHeader({ locale, t, user, cartCount }: { locale: Locale; t: Translate; user: { role: Role } | null; cartCount: number }) {
  const links = [
    { href: "/products", label: t("nav.products") },
    { href: "/villages", label: t("nav.villages") },
    { href: "/cooperatives", label: t("nav.cooperatives") },
  ];
  return (
    <header className="border-b border-earth-100 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto flex flex-col leading-tight">
          <span className="text-lg font-bold text-wine-700">{t("site.name")}</span>
          <span className="text-xs text-earth-600">{t("site.tagline")}</span>
        </Link>
        <Link href="/cart" className="rounded-md px-2 py-1.5 text-sm font-medium hover:bg-earth-100" data-testid="cart-link">
          {cartCount > 0 ? t("nav.cartCount", { count: cartCount }) : t("nav.cart")}
        </Link>
        {user ? (
          <>
            <Link href={homeFor(user.role)} className="rounded-md px-2 py-1.5 text-sm font-medium hover:bg-earth-100">
              {user.role === "ADMIN" ? t("nav.admin") : user.role === "MANAGER" ? t("nav.coop") : t("nav.account")}
            </Link>
            <ActionForm action={signOutAction} submitLabel={t("nav.signOut")} variant="secondary" className="[&_button]:px-3 [&_button]:py-1.5 [&_button]:text-sm" />
          </>
        ) : (
          <Link href="/sign-in" className="rounded-md px-2 py-1.5 text-sm font-medium hover:bg-earth-100">
            {t("nav.signIn")}
          </Link>
        )}
        <LocaleSwitch locale={locale} t={t} />
        <nav aria-label={t("nav.label")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 overflow-x-auto text-sm font-medium">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block rounded-md px-3 py-2 hover:bg-earth-100">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/products" role="search" className="order-last flex w-full gap-2">
          <label htmlFor="site-search" className="sr-only">
            {t("catalog.searchLabel")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            enterKeyHint="search"
            placeholder={t("catalog.searchPlaceholder")}
            className="min-w-0 flex-1 rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base"
          />
          <button type="submit" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
            {t("catalog.searchButton")}
          </button>
        </form>
      </div>
    </header>
  );
}
