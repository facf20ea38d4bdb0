import "server-only";
// What the roster pages share: the page of a long roster, and the add form's choices.
import { BENEFIT_TYPES, HOUSEHOLD_STATUSES } from "@/lib/domain/roster";
import type { Db } from "@/lib/db/client";

export const ROSTER_PAGE_SIZE = 100;

export function pageOf<T>(rows: readonly T[], param: string | string[] | undefined): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / ROSTER_PAGE_SIZE));
  const asked = Number.parseInt(Array.isArray(param) ? (param[0] ?? "") : (param ?? ""), 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(1, asked), pages) : 1;
  return { rows: rows.slice((page - 1) * ROSTER_PAGE_SIZE, page * ROSTER_PAGE_SIZE), page, pages };
}

export async function addFormChoices(db: Db, t: (key: string) => string) {
  const villages = await db.village.findMany({ orderBy: { slug: "asc" }, select: { nameZh: true, nameEn: true } });
  return {
    villages: villages.map((v) => ({ value: v.nameZh, label: `${v.nameZh} ${v.nameEn}` })),
    statuses: HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    benefitTypes: BENEFIT_TYPES.map((b) => ({ value: b, label: t(`benefitTypes.${b}`) })),
  };
}
