import { StorefrontFrame } from "@/components/layout/storefront-frame";
import { cachedPageLocale } from "@/lib/server/cached-page";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

/** The shop: the storefront's header (search, sections, cart) and footer around every page. */
export default async function ShopLayout({ children, params }: Props) {
  await cachedPageLocale(params);
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
