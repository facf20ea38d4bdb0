import Link from "next/link";
import { PhoneSignOut } from "@/components/layout/phone-sign-out";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await guardPage({ kind: "signedIn" }, "/account");
  const t = await getT();
  const links = [
    { href: "/account", label: t("account.profile") },
    { href: "/account/addresses", label: t("account.addresses") },
    { href: "/account/orders", label: t("nav.orders") },
    { href: "/account/impact", label: t("impact.nav") },
    // A member of an organisation buys for it too (institutional buying, /org).
    ...(user.organisation ? [{ href: "/org", label: t("org.area.nav") }] : []),
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t("account.title")} className="flex flex-wrap gap-2 text-sm font-medium">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
            {l.label}
          </Link>
        ))}
        <PhoneSignOut />
      </nav>
      {children}
    </div>
  );
}
