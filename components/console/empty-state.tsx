// What an empty list says: why it is empty and what to do next (a link); when filters emptied it, a way back to
// the whole list; when the URL asked for a page past the end, a way back to the first page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function EmptyState({
  message,
  next,
  clearHref,
  firstPageHref,
  testId = "empty-state",
}: {
  /** Why the list is empty, in words that point to the next step. */
  message: React.ReactNode;
  /** The next step as a link (list the first product, import households…). */
  next?: { href: string; label: string };
  /** Set when filters emptied the list: the link that clears them, with the filtered message. */
  clearHref?: string;
  /** Set when the URL asked for a page past the end: the link to the first page, with its own message. */
  firstPageHref?: string;
  testId?: string;
}) {
  const t = await getTranslations("console.list");
  if (firstPageHref && !clearHref) {
    return (
      <div className="space-y-2 rounded-xl bg-white px-4 py-3 text-sm shadow-sm" role="status" data-testid={testId} data-filtered="0">
        <p>{t("pastEnd")}</p>
        <Link href={firstPageHref} className="font-medium text-wine-700 underline">
          {t("firstPage")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-2 rounded-xl bg-white px-4 py-3 text-sm shadow-sm" role="status" data-testid={testId} data-filtered={clearHref ? "1" : "0"}>
      <p>{clearHref ? t("filteredEmpty") : message}</p>
      {clearHref ? (
        <Link href={clearHref} className="font-medium text-wine-700 underline">
          {t("clearFilters")}
        </Link>
      ) : (
        next && (
          <Link href={next.href} className="font-medium text-wine-700 underline">
            {next.label}
          </Link>
        )
      )}
    </div>
  );
}
