import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { ProductSubnav } from "@/components/coop/product-subnav";
import { LowStockForm, StockAdjustForm } from "@/components/coop/stock-forms";
import { StockHistory } from "@/components/coop/stock-history";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { StatCard } from "@/components/ui/stat-card";
import { canEditStock } from "@/lib/domain/listing";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { getStockOverview } from "@/lib/server/listings/stock";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("stock.title"), robots: { index: false } };
}

/** A product's stock: on sale, held by unpaid orders, the adjustment form, the alert level and the history. */
export default async function ProductStockPage({ params }: Props) {
  const { id } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}/stock`);
  // Read through the manager's cooperatives: another cooperative's product is a 404, as if it did not exist.
  const overview = await getStockOverview(db, { cooperativeIds: user.cooperativeIds, productId: id });
  if (!overview) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { product, reserved, movements } = overview;
  const target = { cooperativeId: product.cooperativeId, productId: product.id };
  const editable = canEditStock(product.listingStatus);
  return (
    <div className="space-y-4">
      <PageHeader title={t("stock.title")} subtitle={named(product, locale)} lead={t("stock.lead")} />
      <ProductSubnav productId={product.id} current="stock" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="stock-figures" data-stock={product.stock} data-reserved={reserved}>
        <StatCard label={t("stock.onSale")} value={String(product.stock)} />
        <StatCard label={t("stock.reserved")} value={String(reserved)} />
        <StatCard label={t("stock.onHand")} value={String(product.stock + reserved)} />
      </div>
      {editable ? (
        <>
          <StockAdjustForm target={target} reserved={reserved} />
          <LowStockForm target={target} threshold={product.lowStockThreshold} />
        </>
      ) : (
        <Notice tone="bad">{t("stock.archived")}</Notice>
      )}
      <Section title={t("stock.history.title")} action={<Link href={`/coop/stock?c=${product.cooperativeId}`} className="text-sm text-wine-700 underline">{t("stock.low.link")}</Link>}>
        <StockHistory movements={movements} />
      </Section>
    </div>
  );
}
