import type { Metadata } from "next";
import { OrderList } from "@/components/account/order-list";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { listOrganisationOrders } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.area.links.orders"), robots: { index: false } };
}

/** Every order placed for the organisation, by any of its purchasers: its members follow them here. */
export default async function OrgOrdersPage() {
  const member = await guardOrgPage(orgPageRoles("orders"), "/org/orders");
  const t = await getT();
  return <OrderList orders={await listOrganisationOrders(db, { organisationId: member.organisationId })} basePath="/org/orders" title={t("org.area.links.orders")} />;
}
