import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { FulfilmentFilter } from "@/components/coop/fulfilment-filter";
import { FulfilmentList, FulfilmentPages } from "@/components/coop/fulfilment-list";
import { PageHeader } from "@/components/ui/section";
import { isQueueState } from "@/lib/domain/fulfilment";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { auditAddressRead } from "@/lib/server/fulfilment/audit";
import { listFulfilmentQueue } from "@/lib/server/fulfilment/queue";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Param = string | string[] | undefined;
type Props = { searchParams: Promise<{ c?: Param; state?: Param; from?: Param; to?: Param; page?: Param }> };

const one = (p: Param) => (Array.isArray(p) ? p[0] : p) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.title"), robots: { index: false } };
}

/** The cooperative's shipments of paid orders (?c=<cooperativeId>&state=&from=&to=&page=), newest payment first. */
export default async function CoopOrdersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { user, scope } = await guardCooperativePage(params.c, "/coop/orders");
  const stateParam = one(params.state);
  const filter = { state: isQueueState(stateParam) ? stateParam : null, from: one(params.from), to: one(params.to), page: Number(one(params.page)) || 1 };
  const [t, locale, coops, queue] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope), listFulfilmentQueue(db, scope, filter)]);
  if (!queue) notFound();
  await auditAddressRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, shipmentIds: queue.shipments.map((s) => s.id), what: "queue" });
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const href = (page: number) => {
    const q = new URLSearchParams({ c: scope.cooperativeId, ...(filter.state ? { state: filter.state } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}), page: String(page) });
    return `/coop/orders?${q.toString()}`;
  };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("fulfilment.title")}
        subtitle={current && named(current, locale)}
        lead={t("fulfilment.lead")}
        action={
          <Link href={`/coop/orders/bulk?c=${scope.cooperativeId}`} prefetch={false} className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 text-sm font-medium hover:bg-earth-100">
            {t("fulfilment.bulkLink")}
          </Link>
        }
      />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/orders?c=${id}`} />
      <FulfilmentFilter cooperativeId={scope.cooperativeId} state={filter.state} from={filter.from} to={filter.to} />
      <p className="text-sm text-earth-600" role="status">
        {t("fulfilment.count", { count: queue.total })}
      </p>
      <FulfilmentList cooperativeId={scope.cooperativeId} shipments={queue.shipments} />
      <FulfilmentPages page={queue.page} pageCount={queue.pageCount} href={href} />
    </div>
  );
}
