import { StorefrontFrame } from "@/components/layout/storefront-frame";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

/** Development pages (the mail outbox) keep the shop's frame. */
export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
