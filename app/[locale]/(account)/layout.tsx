import { StorefrontFrame } from "@/components/layout/storefront-frame";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

/** The buyer's account and checkout: part of the shop, with its header and footer. */
export default function AccountGroupLayout({ children }: { children: React.ReactNode }) {
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
