import { cache } from "react";
import { Framed } from "./framed";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * The header and footer as one pair of elements per request. Every page's payload holds the root 404 and 403 pages
 * (app/[locale]/not-found.tsx, forbidden.tsx), each in this frame, beside the shop layout's own frame: React sends an
 * element it has already sent as a reference to it, so the same objects make the frame travel once, not three times.
 */
const chrome = cache(() => ({ header: <SiteHeader />, footer: <SiteFooter /> }));

/**
 * The storefront's chrome: the header (search, sections, cart, account, language), the page as <main>, the
 * footer. The shop's route groups use it (their layouts) and so do the root 404 and 403 pages; the admin and
 * cooperative areas have their console instead (components/console/console-shell.tsx).
 */
export function StorefrontFrame({ children }: { children: React.ReactNode }) {
  const { header, footer } = chrome();
  return (
    <>
      {header}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Framed>{children}</Framed>
      </main>
      {footer}
    </>
  );
}
