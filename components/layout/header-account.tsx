"use client";
// The cart with its count, the account link and (from `sm:` up) sign-out, or sign-in: what depends on the reader.
// The storefront's pages are cached and the same for everyone, so this part is asked for by the browser
// (GET /api/me) once the page is on screen, again after a navigation or any action that succeeded (the cart may have
// changed), and when the tab comes back. Until then, and without JavaScript, it shows the links that work for
// everyone: the cart and sign-in (the account pages send a signed-in reader on). On a phone sign-out is on the
// account pages instead (app/[locale]/(account)/account/layout.tsx), so the first row keeps to one line.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { homeFor } from "@/lib/domain/permissions";
import { HEADER_STALE_EVENT, type HeaderState } from "@/lib/header-state";
import type { Locale } from "@/lib/i18n/config";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";

const linkClass = "whitespace-nowrap rounded-md px-1.5 py-1.5 text-sm font-medium hover:bg-earth-100 sm:px-2";

/**
 * The box the links sit in: one width per language, so the header's first row does not move when the reader's
 * state arrives. Sized for the widest usual case: a two-digit cart count and the longest account label (and
 * sign-out from `sm:` up). A minimum, not a width: a longer label takes room from the shop's tagline instead.
 */
export function accountSlotClass(locale: Locale): string {
  const width = locale === "en" ? "min-w-[8.75rem] sm:min-w-[13.5rem]" : "min-w-[11.5rem] sm:min-w-[17.5rem]";
  return `flex shrink-0 items-center justify-end gap-1 sm:gap-2 ${width}`;
}

function useHeaderState(): HeaderState | null {
  const pathname = usePathname();
  const [state, setState] = useState<HeaderState | null>(null);
  const [asks, setAsks] = useState(0);
  useEffect(() => {
    const again = () => setAsks((n) => n + 1);
    const onVisible = () => document.visibilityState === "visible" && again();
    window.addEventListener(HEADER_STALE_EVENT, again);
    window.addEventListener("pageshow", again);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener(HEADER_STALE_EVENT, again);
      window.removeEventListener("pageshow", again);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<HeaderState>) : null))
      .then((s) => s && setState(s))
      // Offline or aborted: keep what is shown.
      .catch(() => {});
    return () => controller.abort();
  }, [pathname, asks]);
  return state;
}

export function HeaderAccount() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const state = useHeaderState();
  const cartCount = state?.cartCount ?? 0;
  const role = state?.role ?? null;
  return (
    <div className={accountSlotClass(locale)} data-testid="header-account" data-ready={state ? "true" : "false"}>
      <Link href="/cart" className={linkClass} data-testid="cart-link">
        {cartCount > 0 ? t("cartCount", { count: cartCount }) : t("cart")}
      </Link>
      {role ? (
        <>
          <Link href={homeFor(role)} className={linkClass}>
            {role === "ADMIN" ? t("admin") : role === "MANAGER" ? t("coop") : t("account")}
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
