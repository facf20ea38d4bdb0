import type { Metadata } from "next";
import Link from "next/link";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.coopTitle"), robots: { index: false } };
}

export default async function CoopHome() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  const [t, locale, coops] = await Promise.all([getT(), getLocale(), listManagedCooperatives(user.cooperativeIds)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("areas.coopTitle")}</h1>
      <p>{t("areas.coopLead")}</p>
      <ul className="space-y-2" data-testid="managed-cooperatives">
        {coops.map((c) => (
          <li key={c.id} className="rounded-xl bg-white p-4 font-medium shadow-sm">
            {locale === "en" ? c.nameEn : c.nameZh}
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap gap-2">
        {(
          [
            ["/coop/income", t("coopIncome.title")],
            ["/coop/products", t("coopProducts.title")],
          ] as const
        ).map(([href, label]) => (
          <li key={href}>
            <Link href={href} className="block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700">
              {label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-earth-600">{t("areas.coopSoon")}</p>
    </div>
  );
}
