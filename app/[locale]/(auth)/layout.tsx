import { StorefrontFrame } from "@/components/layout/storefront-frame";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

/** Sign-in, sign-up, password reset and invitations: a card in the shop's frame. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <StorefrontFrame>
      <div className="mx-auto max-w-md rounded-2xl bg-white p-5 shadow-sm sm:p-8">{children}</div>
    </StorefrontFrame>
  );
}
