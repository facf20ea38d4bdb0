import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/section";
import { CooperativeList, VillageList } from "../place-cards";
import type { CooperativeCardData, VillageCardData } from "../types";

export function VillageListTemplate({ villages }: { villages: VillageCardData[] }) {
  const t = useTranslations("village");
  return (
    <div className="space-y-4">
      <PageHeader title={t("listTitle")} lead={t("listLead")} />
      <VillageList villages={villages} />
    </div>
  );
}

export function CooperativeListTemplate({ cooperatives }: { cooperatives: CooperativeCardData[] }) {
  const t = useTranslations("cooperative");
  return (
    <div className="space-y-4">
      <PageHeader title={t("listTitle")} lead={t("listLead")} />
      <CooperativeList cooperatives={cooperatives} />
    </div>
  );
}
