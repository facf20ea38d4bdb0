// The message catalogs. zh-CN is the source of truth; en must have exactly the same keys and every message
// must parse as ICU (tests/unit/messages.test.ts).
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import type { Locale } from "./config";

export type Messages = typeof zh;
export type Namespace = keyof Messages;

const catalogs: Record<Locale, Messages> = { "zh-CN": zh, en };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

/**
 * The namespaces client components read through NextIntlClientProvider. Only these are sent to the
 * browser, so a page does not carry the whole catalog. Add a namespace here when a client component needs it.
 */
export const CLIENT_NAMESPACES = ["errors", "cart", "admin", "photos", "nav", "product"] as const satisfies readonly Namespace[];

export function clientMessages(locale: Locale): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const all = catalogs[locale];
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
