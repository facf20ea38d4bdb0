import type { Metadata } from "next";
import Link from "next/link";
import { BulkShipForm } from "@/components/coop/bulk-ship-form";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { PageHeader } from "@/components/ui/section";
import { CARRIERS } from "@/lib/domain/carriers";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<{ c?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.bulk.title"), robots: { index: false } };
}

/** Upload a courier's pickup list (?c=<cooperativeId>) and see what happened to each row. */
export default async function BulkShipPage({ searchParams }: Props) {
  const { c } = await searchParams;
  const { scope } = await guardCooperativePage(c, "/coop/orders/bulk");
  const [t, locale, coops] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope)]);
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const outcome = (o: "shipped" | "unchanged" | "invalid" | "refused") => t(`fulfilment.bulk.outcome.${o}`);
  return (
    <div className="space-y-4">
      <PageHeader title={t("fulfilment.bulk.title")} subtitle={current && named(current, locale)} lead={t("fulfilment.bulk.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/orders/bulk?c=${id}`} />
      <BulkShipForm
        key={scope.cooperativeId}
        cooperativeId={scope.cooperativeId}
        carriers={CARRIERS.filter((x) => x.code !== "OTHER").map((x) => ({ value: x.code, label: locale === "en" ? x.nameEn : x.nameZh }))}
        labels={{
          file: t("fulfilment.bulk.fileLabel"),
          defaultCarrier: t("fulfilment.bulk.defaultCarrier"),
          none: t("fulfilment.bulk.none"),
          submit: t("fulfilment.bulk.submit"),
          report: t("fulfilment.bulk.report"),
          line: t("fulfilment.bulk.line"),
          order: t("fulfilment.bulk.order"),
          result: t("fulfilment.bulk.result"),
          detail: t("fulfilment.bulk.detail"),
          outcome: { shipped: outcome("shipped"), unchanged: outcome("unchanged"), invalid: outcome("invalid"), refused: outcome("refused") },
        }}
      />
      <Link href={`/coop/orders?c=${scope.cooperativeId}`} prefetch={false} className="inline-block py-2 text-sm text-wine-700 underline">
        {t("fulfilment.back")}
      </Link>
    </div>
  );
}
