import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";

/**
 * The locale of a page that is rendered once per language and served from the cache (the storefront's home,
 * catalog, product, village and cooperative pages; their files also say `dynamic = "error"`, so reading the request
 * there fails the build instead of quietly making the page per-request). next-intl is told the locale here, since a
 * page may render without its layouts (a client-side navigation).
 */
export async function cachedPageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
