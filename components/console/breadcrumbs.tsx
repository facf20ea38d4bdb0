import Link from "next/link";
import { useTranslations } from "next-intl";

export interface Crumb {
  label: string;
  /** Omitted for the page itself (the last crumb). */
  href?: string;
}

/**
 * Where a console page sits, for a page to put above its heading: `<Breadcrumbs items={[{ label: "合作社",
 * href: "/admin/cooperatives" }, { label: name }]} />`. The last item is the page itself (aria-current).
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const t = useTranslations("console");
  if (items.length === 0) return null;
  return (
    <nav aria-label={t("breadcrumbs")} className="text-sm text-earth-600">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="flex min-w-0 items-center gap-1.5">
              {item.href && !last ? (
                <Link href={item.href} className="underline-offset-2 hover:text-wine-700 hover:underline">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "truncate font-medium text-earth-900" : undefined}>
                  {item.label}
                </span>
              )}
              {!last && (
                <span aria-hidden className="text-earth-600/60">
                  /
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
