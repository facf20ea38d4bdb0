import type { Metadata } from "next";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { StockLowTable } from "@/components/coop/stock-low-table";
import { PageHeader } from "@/components/ui/section";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listLowStock } from "@/lib/server/listings/stock";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<{ c?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("stock.low.title"), robots: { index: false } };
}

/** The cooperative's products at or below their low-stock alert level (?c=<cooperativeId>, else the first managed). */
export default async function LowStockPage({ searchParams }: Props) {
  const { c } = await searchParams;
  const { scope } = await guardCooperativePage(c, "/coop/stock");
  const [t, locale, coops, products] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope), listLowStock(db, scope)]);
  const current = coops.find((x) => x.id === scope.cooperativeId);
  return (
    <div className="space-y-4">
      <PageHeader title={t("stock.low.title")} subtitle={current && named(current, locale)} lead={t("stock.low.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/stock?c=${id}`} />
      <StockLowTable products={products} />
    </div>
  );
}
