import "server-only";
// What every mail template shares: the reader's language, money and Beijing times in that language, the
// order's lines, links into the shop, and the greeting and signature around the body.
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import { formatterFor, translator, type Translate } from "@/lib/i18n/translate";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { absoluteUrl } from "@/lib/server/env";

export type Tx = Db | Prisma.TransactionClient;

/** The mail kinds that a buyer's opt-out (User.mailOptOut) turns off; every other kind is essential. */
export const NON_ESSENTIAL_KINDS: ReadonlySet<string> = new Set(["shipment-delivered"]);

export interface MailContext {
  locale: Locale;
  t: Translate;
  money: (fen: number) => string;
  /** A Beijing date and time, labelled as such. */
  time: (at: Date) => string;
  name: (r: { nameZh: string; nameEn: string }) => string;
}

// One context per language, made once: a translator compiles each message the first time it is used and keeps it,
// and Intl's formatters are costly to make. Made per mail, they were most of the CPU time of placing an order
// (tests/bench/checkout.ts). Nothing in a context depends on the mail or the moment.
const contexts = new Map<Locale, MailContext>();

export function mailContext(userLocale: string): MailContext {
  const locale: Locale = isLocale(userLocale) ? userLocale : defaultLocale;
  const made = contexts.get(locale);
  if (made) return made;
  const t = translator(locale);
  const format = formatterFor(locale);
  const context: MailContext = {
    locale,
    t,
    money: (fen) => formatMoney(format, fen),
    time: (at) => t("mail.beijingTime", { time: format.dateTime(at, "dateTime") }),
    name: (r) => (locale === "en" ? r.nameEn : r.nameZh),
  };
  contexts.set(locale, context);
  return context;
}

export interface MailLine {
  nameZh: string;
  nameEn: string;
  quantity: number;
  lineTotalFen: number;
}

export function lineTexts(c: MailContext, lines: readonly MailLine[]): string[] {
  return lines.map((l) => `- ${c.t("mail.line", { name: c.name(l), quantity: l.quantity, amount: c.money(l.lineTotalFen) })}`);
}

export const orderUrl = (orderId: string) => absoluteUrl(`/account/orders/${orderId}`);

/** Greeting, the paragraphs (blank lines between), signature: plain text. */
export function body(c: MailContext, paragraphs: readonly (string | readonly string[] | null | false)[]): string {
  const parts = paragraphs.filter((p): p is string | readonly string[] => Boolean(p)).map((p) => (typeof p === "string" ? p : p.join("\n")));
  return [c.t("mail.greeting"), ...parts, `--\n${c.t("mail.signature")}`].join("\n\n");
}

/** The carrier's name in the reader's language; the typed name for OTHER, the code itself for one we do not know. */
export function carrierLabel(c: MailContext, code: string | null, typedName: string | null): string {
  if (code === "OTHER" || !code) return typedName?.trim() || c.t("mail.carrier.OTHER");
  const key = `mail.carrier.${code}` as Parameters<Translate>[0];
  return c.t.has(key) ? c.t(key) : code;
}
