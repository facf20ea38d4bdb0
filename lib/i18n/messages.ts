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

/** A namespace, or a part of one ("org.invoices"): what a NextIntlClientProvider hands the browser. */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/**
 * What client components read through NextIntlClientProvider. Only these are sent to the browser, so a page does not
 * carry the whole catalog (a cached storefront page carries these in every response). Every page gets the base (the
 * root layout's provider: the error panel, the header's account links); a provider further down adds a group for
 * the client components below it (components/ui/client-messages.tsx), the whole base included. A client component
 * that reads a namespace names it here: tests/unit/client-messages.test.ts fails for one no provider gives, and the
 * browser suites fail on any MISSING_MESSAGE the server logs.
 */
export const BASE_CLIENT_MESSAGES = ["errors", "nav"] as const satisfies readonly MessagePath[];
export const CLIENT_MESSAGE_GROUPS = {
  /** The admin and cooperative consoles (components/console/console-shell.tsx). */
  console: ["admin", "photos"],
  /** The cart's lines, with their quantity prices (components/cart/templates/cart-template.tsx). */
  cart: ["cart", "org.priceTiers"],
  /** An organisation's invoice request form (app/[locale]/(account)/org/invoices/page.tsx). */
  invoices: ["org.invoices"],
  /** A product page's live stock badge (components/catalog/templates/product-template.tsx): four messages. */
  stock: ["product.soldOut", "product.lowStock", "product.inStock", "product.quantity"],
} as const satisfies Record<string, readonly MessagePath[]>;
export type ClientMessageGroup = keyof typeof CLIENT_MESSAGE_GROUPS;

/** The messages at `paths` (namespaces or parts of them), nested as in the catalog. */
export function clientMessages(locale: Locale, paths: readonly MessagePath[]): Partial<Messages> {
  const picked: Record<string, unknown> = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: unknown = catalogs[locale];
    let into = picked;
    keys.forEach((key, i) => {
      from = (from as Record<string, unknown> | undefined)?.[key];
      if (from === undefined) throw new Error(`no messages at ${p}`);
      if (i === keys.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Record<string, unknown>;
    });
  }
  return picked;
}
