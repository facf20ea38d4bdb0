import type { Formats } from "next-intl";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

/** Every date and time the shop shows or groups by is in Beijing time (UTC+8, no daylight saving). */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tag for Intl and <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale === "en" ? "en" : "zh-CN";
}

/**
 * Named formats, used as `format.dateTime(d, "dateTime")`, `format.number(yuan, "money")` or inside a
 * message as `{when, date, day}` / `{amount, number, money}`. The time zone is set once, in the request config.
 */
export const formats = {
  dateTime: {
    day: { dateStyle: "long" },
    dayShort: { dateStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    month: { year: "numeric", month: "long" },
  },
  number: {
    money: { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", minimumFractionDigits: 2, maximumFractionDigits: 2 },
  },
  list: {
    enumeration: { style: "long", type: "conjunction" },
    short: { style: "narrow", type: "unit" },
  },
} satisfies Formats;
