import { Framed } from "./framed";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * The storefront's chrome: the header (search, sections, cart, account, language), the page as <main>, the
 * footer. The shop's route groups use it (their layouts) and so do the root 404 and 403 pages; the admin and
 * cooperative areas have their console instead (components/console/console-shell.tsx).
 */
export function StorefrontFrame({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Framed>{children}</Framed>
      </main>
      <SiteFooter />
    </>
  );
}
