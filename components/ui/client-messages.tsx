import { NextIntlClientProvider, useLocale } from "next-intl";
import { BASE_CLIENT_MESSAGES, CLIENT_MESSAGE_GROUPS, clientMessages, type ClientMessageGroup } from "@/lib/i18n/messages";

/**
 * Hands the client components below it the messages of `group` besides every page's (lib/i18n/messages.ts): a
 * provider replaces the messages of the one above it, so the base comes again. A server component.
 */
export function ClientMessages({ group, children }: { group: ClientMessageGroup; children: React.ReactNode }) {
  const locale = useLocale();
  return <NextIntlClientProvider messages={clientMessages(locale, [...BASE_CLIENT_MESSAGES, ...CLIENT_MESSAGE_GROUPS[group]])}>{children}</NextIntlClientProvider>;
}
