import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { htmlLang, isLocale } from "@/lib/i18n/config";
import { BASE_CLIENT_MESSAGES, clientMessages } from "@/lib/i18n/messages";
import { env } from "@/lib/server/env";
import { getT } from "@/lib/server/i18n";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

// The locale is a path segment only inside the app: the URLs carry none, and proxy.ts rewrites each request to
// /<the reader's locale><path> from the language cookie. So a page that reads nothing per request (the storefront's
// home, catalog, product, village and cooperative pages) is rendered once per locale and served from the cache.
// None is rendered by `next build`: the build needs no database; each is rendered on its first visit.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getT(locale);
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: `${t("site.name")} · ${t("site.tagline")}`, template: `%s · ${t("site.name")}` },
    description: t("site.description"),
    openGraph: { siteName: t("site.name"), type: "website" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#7c1d3a" };

// The document, the fonts, the messages and the skip link; nothing else. The storefront's header and footer are
// in the shop's route groups (components/layout/storefront-frame.tsx), the admin and cooperative areas have
// their console (components/console/console-shell.tsx); each puts the page in <main id="main">.
// Nothing here reads the request: the signed-in parts of the header are fetched by the browser.
export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getT(locale);
  return (
    <html lang={htmlLang(locale)}>
      <body className="flex min-h-dvh flex-col font-sans">
        <NextIntlClientProvider locale={locale} messages={clientMessages(locale, BASE_CLIENT_MESSAGES)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("site.skipToContent")}
          </a>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
