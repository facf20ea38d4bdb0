import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { NextIntlClientProvider } from "next-intl";
import { htmlLang } from "@/lib/i18n/config";
import { clientMessages } from "@/lib/i18n/messages";
import { env } from "@/lib/server/env";
import { getLocale, getT } from "@/lib/server/i18n";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
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
// The layout waits only for the locale (a cookie).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getT();
  return (
    <html lang={htmlLang(locale)} className={GeistSans.variable}>
      <body className="flex min-h-dvh flex-col font-sans">
        <NextIntlClientProvider messages={clientMessages(locale)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("site.skipToContent")}
          </a>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
