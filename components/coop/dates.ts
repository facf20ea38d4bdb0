// Report keys (YYYY-MM, YYYY-MM-DD) are Beijing calendar months and days; as Dates they go through next-intl's
// formatter (time zone Asia/Shanghai), e.g. format.dateTime(beijingMonth("2026-11"), "month") → 2026年11月.

/** The first instant of a Beijing month, YYYY-MM. */
export const beijingMonth = (month: string): Date => new Date(`${month}-01T00:00:00+08:00`);

/** The first instant of a Beijing day, YYYY-MM-DD. */
export const beijingDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** A row's name in the reader's language. */
export const named = (row: { nameZh: string; nameEn: string }, locale: string): string => (locale === "en" ? row.nameEn : row.nameZh);
