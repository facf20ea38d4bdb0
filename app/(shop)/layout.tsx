import { StorefrontFrame } from "@/components/layout/storefront-frame";

/** The shop: the storefront's header (search, sections, cart) and footer around every page. */
export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
