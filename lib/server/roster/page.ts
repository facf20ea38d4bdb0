import "server-only";
// What the roster pages share: the add form's choices (the roster's paging is list.ts's rosterPage).
import { BENEFIT_TYPES, HOUSEHOLD_STATUSES } from "@/lib/domain/roster";
import type { Db } from "@/lib/db/client";

export async function addFormChoices(db: Db, t: (key: string) => string) {
  const villages = await db.village.findMany({ orderBy: { slug: "asc" }, select: { nameZh: true, nameEn: true } });
  return {
    villages: villages.map((v) => ({ value: v.nameZh, label: `${v.nameZh} ${v.nameEn}` })),
    statuses: HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    benefitTypes: BENEFIT_TYPES.map((b) => ({ value: b, label: t(`benefitTypes.${b}`) })),
  };
}
