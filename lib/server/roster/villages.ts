import "server-only";
// The county's villages as the roster checks them: a row names its village in Chinese (or English), and a
// household code's prefix (TX-NHC-…) must be that village's. The prefix comes from the place data the seed
// writes (lib/seed/places.ts), or else from the codes of the village's households already stored.
import type { Db } from "@/lib/db/client";
import type { RosterVillage } from "@/lib/domain/roster";
import { VILLAGES } from "@/lib/seed/places";

const SEED_CODES = new Map(VILLAGES.map((v) => [v.slug, v.code]));

export async function rosterVillages(db: Db): Promise<RosterVillage[]> {
  const [villages, prefixes] = await Promise.all([
    db.village.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true } }),
    db.$queryRaw<{ villageId: string; prefix: string }[]>`
      SELECT DISTINCT ON ("villageId") "villageId", split_part("code", '-', 2) AS prefix FROM "Household" ORDER BY "villageId", "code"`,
  ]);
  const stored = new Map(prefixes.map((p) => [p.villageId, p.prefix]));
  return villages.map((v) => ({ id: v.id, nameZh: v.nameZh, nameEn: v.nameEn, code: SEED_CODES.get(v.slug) ?? stored.get(v.id) ?? null }));
}
