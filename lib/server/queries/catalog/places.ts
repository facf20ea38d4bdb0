import "server-only";
// The cooperative and village cards: what the lists show, and the base of the detail pages.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { name, sellable } from "./shared";

export interface VillageCard {
  /** For the cache tag `village:<id>`; not shown. */
  id: string;
  slug: string;
  name: string;
  township: string;
  status: "POOR" | "EXITED";
  exitYear: number | null;
  productCount: number;
  householdCount: number;
}

export const villageCardSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  status: true,
  exitYear: true,
  township: { select: { nameZh: true, nameEn: true } },
  _count: { select: { products: { where: sellable() }, households: true } },
} satisfies Prisma.VillageSelect;

export function toVillageCard(v: Prisma.VillageGetPayload<{ select: typeof villageCardSelect }>, locale: Locale): VillageCard {
  return {
    id: v.id,
    slug: v.slug,
    name: name(v, locale),
    township: name(v.township, locale),
    status: v.status,
    exitYear: v.exitYear,
    productCount: v._count.products,
    householdCount: v._count.households,
  };
}

export interface CooperativeCard {
  /** For the cache tag `cooperative:<id>`; not shown. */
  id: string;
  slug: string;
  name: string;
  village: { slug: string; name: string };
  enterprise: string | null;
  productCount: number;
  householdCount: number;
}

export const cooperativeCardSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  village: { select: { slug: true, nameZh: true, nameEn: true } },
  enterprise: { select: { nameZh: true, nameEn: true } },
  participations: { where: { active: true }, select: { householdId: true } },
  _count: { select: { products: { where: sellable() } } },
} satisfies Prisma.CooperativeSelect;

export function toCooperativeCard(c: Prisma.CooperativeGetPayload<{ select: typeof cooperativeCardSelect }>, locale: Locale): CooperativeCard {
  return {
    id: c.id,
    slug: c.slug,
    name: name(c, locale),
    village: { slug: c.village.slug, name: name(c.village, locale) },
    enterprise: c.enterprise ? name(c.enterprise, locale) : null,
    productCount: c._count.products,
    householdCount: new Set(c.participations.map((p) => p.householdId)).size,
  };
}
