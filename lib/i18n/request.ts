// next-intl's request configuration: the locale from the reader's cookie (zh-CN by default, the URLs carry
// no locale), the messages, the named formats and Beijing time, once per request.
import { getRequestConfig } from "next-intl/server";
import { formats, TIME_ZONE } from "./config";
import { messagesFor } from "./messages";
import { getLocale } from "@/lib/server/i18n";

export default getRequestConfig(async () => {
  const locale = await getLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, formats };
});
