import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Section } from "@/components/ui/section";
import { named } from "./dates";

const subLinkClass = "block rounded-lg bg-earth-100 px-3 py-1.5 font-medium hover:text-wine-700";

/** The manager's cooperatives, each with its household income and this month's statement. */
export function ManagedCooperatives({ cooperatives, month }: { cooperatives: { id: string; nameZh: string; nameEn: string }[]; month: string }) {
  const t = useTranslations("coopIncome");
  const locale = useLocale();
  return (
    <ul className="space-y-2" data-testid="managed-cooperatives">
      {cooperatives.map((c) => (
        <Section key={c.id} as="li">
          <p className="font-medium">{named(c, locale)}</p>
          {/* Income and statements show household names: no prefetch, so only a real visit is audited as a read. */}
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            <li>
              <Link href={`/coop/income?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                {t("title")}
              </Link>
            </li>
            <li>
              <Link href={`/coop/statements/${month}?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                {t("thisMonth")}
              </Link>
            </li>
          </ul>
        </Section>
      ))}
    </ul>
  );
}
