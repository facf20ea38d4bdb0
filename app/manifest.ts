import type { MetadataRoute } from "next";
import { defaultLocale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

// One manifest for everyone, in the default locale: it is fetched without the reader's cookie and is served
// statically. The PNGs are app/icon.svg drawn at each size (the maskable one keeps the grapes in the safe zone).
export default function manifest(): MetadataRoute.Manifest {
  const { site } = messagesFor(defaultLocale);
  return {
    name: `${site.name} · ${site.tagline}`,
    short_name: site.name,
    description: site.description,
    lang: defaultLocale,
    start_url: "/",
    scope: "/",
    display: "standalone",
    // The page background (--color-earth-50 in app/globals.css), shown on the splash screen.
    background_color: "#faf8f4",
    // The same colour as the viewport's themeColor in app/[locale]/layout.tsx and the icon's background.
    theme_color: "#7c1d3a",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/images/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/images/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/images/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
