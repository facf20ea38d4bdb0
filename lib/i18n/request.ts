// next-intl's request configuration: the locale, the messages, the named formats and Beijing time, once per request.
// The locale is the app's [locale] segment: a page or layout that is rendered once and cached names it with
// setRequestLocale; everything rendered per request finds it in the header proxy.ts sets from the language cookie.
// Route handlers outside the rewrite (app/api, metadata files) read the cookie itself.
import { getRequestConfig } from "next-intl/server";
import { formats, isLocale, TIME_ZONE } from "./config";
import { messagesFor } from "./messages";
import { getCookieLocale } from "@/lib/server/i18n";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await getCookieLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, formats };
});
