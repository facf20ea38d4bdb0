// Beijing's calendar, in one place: the shop's days and months (ledger days, report ranges, order numbers,
// statement months) are Asia/Shanghai days. China keeps UTC+8 all year (no daylight saving), so a fixed offset
// is exact; display goes through next-intl's formatter with timeZone "Asia/Shanghai" (lib/i18n/config.ts).

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDayOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a Beijing day, YYYY-MM-DD. */
export const startOfBeijingDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** The first instant of a Beijing month, YYYY-MM. */
export const startOfBeijingMonth = (month: string): Date => new Date(`${month}-01T00:00:00+08:00`);
