import "server-only";
import { cookies } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/** The reader's locale: the cookie set by the language switch, else Simplified Chinese. */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
});

/** next-intl's translator for the whole catalog (pages may also call getTranslations("namespace")). */
export const getT = () => getTranslations();

/** next-intl's formatter: dates in Asia/Shanghai, money with the named format "money". */
export const getFormat = () => getFormatter();
