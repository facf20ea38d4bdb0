import type { Metadata } from "next";
import Link from "next/link";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.coopTitle"), robots: { index: false } };
}

const linkClass = "block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700";
const subLinkClass = "block rounded-lg bg-earth-100 px-3 py-1.5 font-medium hover:text-wine-700";

export default async function CoopHome() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  const [t, locale, coops] = await Promise.all([getT(), getLocale(), listManagedCooperatives(user.cooperativeIds)]);
  const [thisMonth] = lastMonths(new Date(), 1);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("areas.coopTitle")}</h1>
      <p>{t("areas.coopLead")}</p>
      <ul className="space-y-2" data-testid="managed-cooperatives">
        {coops.map((c) => (
          <li key={c.id} className="rounded-xl bg-white p-4 shadow-sm">
            <p className="font-medium">{locale === "en" ? c.nameEn : c.nameZh}</p>
            {/* Income and statements show household names: no prefetch, so only a real visit is audited as a read. */}
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              <li>
                <Link href={`/coop/income?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("coopIncome.title")}
                </Link>
              </li>
              <li>
                <Link href={`/coop/statements/${thisMonth}?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("coopIncome.thisMonth")}
                </Link>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/coop/products" className={linkClass}>
            {t("coopProducts.title")}
          </Link>
        </li>
      </ul>
      <p className="text-earth-600">{t("areas.coopSoon")}</p>
    </div>
  );
}
