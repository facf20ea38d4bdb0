import Link from "next/link";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await guardPage({ kind: "signedIn" }, "/account");
  const t = await getT();
  return (
    <div className="space-y-6">
      <nav aria-label={t("account.title")} className="flex flex-wrap gap-2 text-sm font-medium">
        <Link href="/account" className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
          {t("account.profile")}
        </Link>
        <Link href="/account/addresses" className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
          {t("account.addresses")}
        </Link>
        <Link href="/account/orders" className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
          {t("nav.orders")}
        </Link>
        <Link href="/account/impact" className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
          {t("impact.nav")}
        </Link>
      </nav>
      {children}
    </div>
  );
}
