import { StorefrontFrame } from "@/components/layout/storefront-frame";

/** The buyer's account and checkout: part of the shop, with its header and footer. */
export default function AccountGroupLayout({ children }: { children: React.ReactNode }) {
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
