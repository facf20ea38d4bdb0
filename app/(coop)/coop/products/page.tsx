import type { Metadata } from "next";
import { CoopProductList } from "@/components/coop/coop-product-list";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listCoopProducts } from "@/lib/server/queries/coop-products";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.title"), robots: { index: false } };
}

/** The manager's products, across the cooperatives they manage, with each one's benefit rule. */
export default async function CoopProductsPage() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/products");
  const [t, products] = await Promise.all([getT(), listCoopProducts(db, { cooperativeIds: user.cooperativeIds })]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("coopProducts.title")} lead={t("coopProducts.lead")} />
      <CoopProductList products={products} />
    </div>
  );
}
