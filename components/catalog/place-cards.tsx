import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { CooperativeCard, VillageCard } from "@/lib/server/queries/catalog";

export function villageStatus(v: Pick<VillageCard, "status" | "exitYear">, t: Translate): string {
  if (v.status === "POOR") return t("village.poor");
  return v.exitYear ? t("village.exited", { year: v.exitYear }) : t("village.exitedNoYear");
}

export function VillageCardView({ village, t }: { village: VillageCard; t: Translate }) {
  return (
    <Link href={`/villages/${village.slug}`} className="flex gap-3 rounded-xl bg-white p-3 shadow-sm hover:text-wine-700">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/images/villages/${village.slug}.svg`} alt="" width={96} height={64} className="h-16 w-24 rounded-lg object-cover" />
      <span className="flex flex-col text-sm">
        <span className="text-base font-semibold">{village.name}</span>
        <span className="text-earth-600">
          {village.township} · {villageStatus(village, t)}
        </span>
        <span className="text-earth-600">
          {t("village.products", { count: village.productCount })} · {t("village.households", { count: village.householdCount })}
        </span>
      </span>
    </Link>
  );
}

export function CooperativeCardView({ cooperative, t }: { cooperative: CooperativeCard; t: Translate }) {
  return (
    <Link href={`/cooperatives/${cooperative.slug}`} className="block rounded-xl bg-white p-4 shadow-sm hover:text-wine-700">
      <span className="block font-semibold">{cooperative.name}</span>
      <span className="block text-sm text-earth-600">
        {t("cooperative.village")}：{cooperative.village.name}
        {cooperative.enterprise ? ` · ${t("cooperative.enterprise")}：${cooperative.enterprise}` : ""}
      </span>
      <span className="block text-sm text-earth-600">
        {t("cooperative.products", { count: cooperative.productCount })} · {t("cooperative.households", { count: cooperative.householdCount })}
      </span>
    </Link>
  );
}
