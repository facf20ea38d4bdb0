import { StorefrontFrame } from "@/components/layout/storefront-frame";

/** Development pages (the mail outbox) keep the shop's frame. */
export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <StorefrontFrame>{children}</StorefrontFrame>;
}
