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
 * The namespaces client components read through NextIntlClientProvider. Only these are sent to the browser, so a
 * page does not carry the whole catalog; add a namespace here when a client component needs it. Every page gets
 * the storefront's (the root layout's provider); the admin and cooperative consoles add their own
 * (components/console/console-shell.tsx), so a shop page does not carry the consoles' messages.
 */
export const STOREFRONT_CLIENT_NAMESPACES = ["errors", "cart", "nav", "product"] as const satisfies readonly Namespace[];
export const CONSOLE_CLIENT_NAMESPACES = [...STOREFRONT_CLIENT_NAMESPACES, "admin", "photos"] as const satisfies readonly Namespace[];
export const CLIENT_NAMESPACES = CONSOLE_CLIENT_NAMESPACES;

export function clientMessages<N extends Namespace>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = catalogs[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Pick<Messages, N>;
}
