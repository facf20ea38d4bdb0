import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { FulfilmentFilter } from "@/components/coop/fulfilment-filter";
import { FulfilmentList } from "@/components/coop/fulfilment-list";
import { PageHeader } from "@/components/ui/section";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { auditAddressRead } from "@/lib/server/fulfilment/audit";
import { listFulfilmentQueue, parseQueueQuery, QUEUE_LIST, type QueueSort } from "@/lib/server/fulfilment/queue";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.title"), robots: { index: false } };
}

/** The cooperative's shipments of paid orders (?c=&state=&from=&to=&sort=&dir=&page=), sorted and paged in the database. */
export default async function CoopOrdersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { user, scope } = await guardCooperativePage(params.c, "/coop/orders");
  const filter = parseQueueQuery(params);
  const [t, locale, coops, queue] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope), listFulfilmentQueue(db, scope, filter)]);
  if (!queue) notFound();
  await auditAddressRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, shipmentIds: queue.shipments.map((s) => s.id), what: "queue" });
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const kept = { c: scope.cooperativeId, state: filter.state, from: filter.from, to: filter.to };
  const filtered = Boolean(filter.state || filter.from || filter.to);
  const sort: SortContext<QueueSort> = { path: "/coop/orders", params: kept, spec: QUEUE_LIST, query: filter };
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
      {queue.shipments.length === 0 ? (
        <EmptyState
          message={t("fulfilment.emptyNone")}
          next={{ href: "/coop/products", label: t("fulfilment.emptyNext") }}
          clearHref={filtered ? listHref("/coop/orders", { c: scope.cooperativeId }) : undefined}
          firstPageHref={filter.page > 1 ? listHref("/coop/orders", { ...kept, ...sortParams(QUEUE_LIST, filter) }) : undefined}
        />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ paid: t("fulfilment.sort.paid"), placed: t("fulfilment.sort.placed"), number: t("fulfilment.sort.number"), status: t("fulfilment.sort.status") }} />
          <FulfilmentList cooperativeId={scope.cooperativeId} shipments={queue.shipments} />
          <Pager path="/coop/orders" params={{ ...kept, ...sortParams(QUEUE_LIST, filter) }} page={queue.page} pages={queue.pageCount} total={queue.total} />
        </>
      )}
    </div>
  );
}
