import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CooperativeCardData, VillageCardData } from "./types";

/** "2019 年已出列" / "Exited poverty in 2019". */
export function VillageStatus({ village }: { village: Pick<VillageCardData, "status" | "exitYear"> }) {
  const t = useTranslations("village");
  if (village.status === "POOR") return t("poor");
  return village.exitYear ? t("exited", { year: village.exitYear }) : t("exitedNoYear");
}

/** Styled by the `place-card*` classes in app/globals.css (why named classes: the comment there). */
export function VillageCardView({ village }: { village: VillageCardData }) {
  const t = useTranslations("village");
  return (
    <Link href={`/villages/${village.slug}`} className="place-card">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/images/villages/${village.slug}.svg`} alt="" width={96} height={64} loading="lazy" decoding="async" />
      <span>
        <span className="place-card-name">{village.name}</span>
        <span className="place-card-meta">
          {village.township} · <VillageStatus village={village} />
        </span>
        <span className="place-card-meta">
          {t("products", { count: village.productCount })} · {t("households", { count: village.householdCount })}
        </span>
      </span>
    </Link>
  );
}

export function CooperativeCardView({ cooperative }: { cooperative: CooperativeCardData }) {
  const t = useTranslations("cooperative");
  return (
    <Link href={`/cooperatives/${cooperative.slug}`} className="block rounded-xl bg-white p-4 shadow-sm hover:text-wine-700">
      <span className="block font-semibold">{cooperative.name}</span>
      <span className="block text-sm text-earth-600">
        {t("villageLine", { village: cooperative.village.name })}
        {cooperative.enterprise && <> · {t("enterpriseLine", { enterprise: cooperative.enterprise })}</>}
      </span>
      <span className="block text-sm text-earth-600">
        {t("products", { count: cooperative.productCount })} · {t("households", { count: cooperative.householdCount })}
      </span>
    </Link>
  );
}

export function VillageList({ villages }: { villages: VillageCardData[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {villages.map((v) => (
        <li key={v.slug}>
          <VillageCardView village={v} />
        </li>
      ))}
    </ul>
  );
}

export function CooperativeList({ cooperatives }: { cooperatives: CooperativeCardData[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {cooperatives.map((c) => (
        <li key={c.slug}>
          <CooperativeCardView cooperative={c} />
        </li>
      ))}
    </ul>
  );
}
