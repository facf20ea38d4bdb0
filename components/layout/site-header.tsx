import Link from "next/link";
import { useTranslations } from "next-intl";
import { HeaderAccount } from "./header-account";
import { LocaleSwitch } from "./locale-switch";

// Phone: row 1 is the name, the cart and account links and the language; row 2 the sections; row 3 the search.
// The name takes what is left of row 1 (its tagline is cut short first), so row 1 never wraps.
// From `lg:` up the sections join row 1. The signed-in part (session, cart count) is asked for by the browser, so
// the page is the same for every reader and comes from the cache.
export function SiteHeader() {
  const t = useTranslations();
  const links = [
    { href: "/products", label: t("nav.products") },
    { href: "/villages", label: t("nav.villages") },
    { href: "/cooperatives", label: t("nav.cooperatives") },
  ];
  return (
    <header className="border-b border-earth-100 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link href="/" className="flex min-w-0 flex-1 basis-0 flex-col leading-tight">
          <span className="text-base font-bold text-wine-700 sm:text-lg">{t("site.name")}</span>
          <span className="truncate text-xs text-earth-600">{t("site.tagline")}</span>
        </Link>
        <HeaderAccount />
        <LocaleSwitch />
        <nav aria-label={t("nav.label")} className="order-last w-full lg:order-none lg:w-auto">
          <ul className="-mx-3 flex gap-1 overflow-x-auto text-sm font-medium lg:mx-0">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block whitespace-nowrap rounded-md px-3 py-2 hover:bg-earth-100">
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
            className="min-w-0 flex-1 rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base placeholder:text-sm"
          />
          <button type="submit" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
            {t("catalog.searchButton")}
          </button>
        </form>
      </div>
    </header>
  );
}
