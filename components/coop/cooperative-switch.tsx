import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { named } from "./dates";

/** Links to the same page for each cooperative the manager manages (shown when there are several). */
export function CooperativeSwitch({ cooperatives, current, href }: { cooperatives: { id: string; nameZh: string; nameEn: string }[]; current: string; href: (id: string) => string }) {
  const t = useTranslations("coopIncome");
  const locale = useLocale();
  if (cooperatives.length < 2) return null;
  return (
    <nav aria-label={t("cooperative")} className="flex flex-wrap gap-2 text-sm">
      {cooperatives.map((c) => (
        // No prefetch: rendering these pages is a read of personal data, written to the audit log.
        <Link key={c.id} href={href(c.id)} prefetch={false} aria-current={c.id === current ? "page" : undefined} className="rounded-md bg-white px-3 py-1.5 shadow-sm aria-[current=page]:bg-wine-700 aria-[current=page]:text-white">
          {named(c, locale)}
        </Link>
      ))}
    </nav>
  );
}
