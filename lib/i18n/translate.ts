// Translators for code that runs outside a page render (server actions' helpers, route handlers, mail,
// webhooks, scripts and tests): the same ICU messages, formats and time zone as next-intl's request config
// (lib/i18n/request.ts), for an explicit locale. Pages and components use next-intl's own
// getTranslations/useTranslations and getFormatter/useFormatter.
import { createFormatter, createTranslator } from "use-intl/core";
import { formats, TIME_ZONE, type Locale } from "./config";
import { messagesFor } from "./messages";

export { messagesFor, type Messages } from "./messages";

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone: TIME_ZONE, formats });
}

export type Translate = ReturnType<typeof translator>;
export type MessageKey = Parameters<Translate>[0];
export type Vars = Record<string, string | number | Date>;

export function formatterFor(locale: Locale) {
  return createFormatter({ locale, timeZone: TIME_ZONE, formats });
}

export type Format = ReturnType<typeof formatterFor>;

/** A key that comes from data (a zod issue's message, an error code): falls back to the key itself. */
export function translateDynamic(locale: Locale, key: string, vars?: Vars): string {
  const t = translator(locale);
  return t.has(key as MessageKey) ? t(key as MessageKey, vars) : key;
}
