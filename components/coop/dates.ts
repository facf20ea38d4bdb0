// Report keys (YYYY-MM, YYYY-MM-DD) are Beijing calendar months and days; as Dates they go through next-intl's
// formatter (time zone Asia/Shanghai), e.g. format.dateTime(beijingMonth("2026-11"), "month") → 2026年11月.

export { startOfBeijingMonth as beijingMonth, startOfBeijingDay as beijingDay } from "@/lib/domain/calendar";

/** A row's name in the reader's language. */
export const named = (row: { nameZh: string; nameEn: string }, locale: string): string => (locale === "en" ? row.nameEn : row.nameZh);
