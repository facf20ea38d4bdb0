import Link from "next/link";

/** Previous / next links for a long roster (100 rows a page). */
export function RosterPager({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: { nav: string; prev: string; next: string; of: string } }) {
  if (pages <= 1) return null;
  const link = "rounded-md bg-white px-3 py-1.5 shadow-sm";
  return (
    <nav aria-label={label.nav} className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link className={link} href={href(page - 1)} prefetch={false}>
          {label.prev}
        </Link>
      )}
      <span>{label.of}</span>
      {page < pages && (
        <Link className={link} href={href(page + 1)} prefetch={false}>
          {label.next}
        </Link>
      )}
    </nav>
  );
}
