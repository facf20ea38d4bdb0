import "server-only";
import { cookies } from "next/headers";
import { getFormatter, getLocale as getIntlLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/**
 * The reader's locale: the app's [locale] segment (see lib/i18n/request.ts). proxy.ts chose it from the language
 * cookie (Simplified Chinese without one).
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const locale = await getIntlLocale();
  return isLocale(locale) ? locale : defaultLocale;
});

/** The language cookie itself, for what the proxy does not rewrite (route handlers, metadata files). */
export async function getCookieLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
}

/**
 * next-intl's translator for the whole catalog (pages may also call getTranslations("namespace")). A page
 * rendered once for the cache passes its locale (generateMetadata runs beside the page, not after its
 * setRequestLocale).
 */
export const getT = (locale?: Locale) => (locale ? getTranslations({ locale }) : getTranslations());

/** next-intl's formatter: dates in Asia/Shanghai, money with the named format "money". */
export const getFormat = () => getFormatter();
