// A gift list's pages: the organisation's lists, and one list's preview (counts, the rows with errors by line and
// field, the products against their stock with the price at the list's totals, shipping per parcel, the
// recipients), with the place and discard forms while it is a draft and a link to its order once placed.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { GiftDiscardForm, GiftPlaceForm } from "@/components/org/gift-forms";
import { DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { GiftField } from "@/lib/domain/gift-list";
import { zheOf } from "@/lib/domain/price-tiers";
import type { GiftListView, listGiftLists, StoredErrorRow } from "@/lib/server/orgs/gift-orders";
import { districtName } from "@/lib/validation/account";

const STATUS_TONE = { DRAFT: "bg-earth-100 text-earth-900", PLACED: "bg-leaf-50 text-leaf-700", DISCARDED: "bg-wine-50 text-wine-700" } as const;
/** Rows shown at most: a 5,000-row list still reads on a phone; the counts say how many there are. */
const SHOWN = 200;

type ListRow = Awaited<ReturnType<typeof listGiftLists>>[number];

export function GiftListTable({ lists }: { lists: ListRow[] }) {
  const t = useTranslations("org.gifts");
  const format = useFormatter();
  return (
    <DataTable
      label={t("list.heading")}
      testId="gift-lists"
      rows={lists}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": "gift-list", "data-id": r.id, "data-status": r.status })}
      columns={[
        {
          key: "file",
          header: t("list.file"),
          cell: (r) => (
            <Link href={`/org/gifts/${r.id}`} className="underline">
              {r.fileName}
            </Link>
          ),
        },
        { key: "uploaded", header: t("list.uploaded"), cell: (r) => format.dateTime(r.createdAt, "dateTime") },
        { key: "rows", header: t("list.rows"), numeric: true, cell: (r) => r.validRows + r.errorRows },
        { key: "errors", header: t("list.errorRows"), numeric: true, cell: (r) => r.errorRows },
        { key: "status", header: t("list.status"), cell: (r) => <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[r.status]}`}>{t(`status.${r.status}`)}</span> },
        { key: "order", header: t("list.order"), cell: (r) => (r.order ? <Link href={`/org/orders/${r.order.id}`} className="font-mono underline">{r.order.number}</Link> : "—") },
      ]}
    />
  );
}

export function GiftPreview({ list }: { list: GiftListView }) {
  const t = useTranslations("org.gifts");
  const tl = useTranslations("org.giftList");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const named = (p: { nameZh: string; nameEn: string }) => (locale === "en" ? p.nameEn : p.nameZh);
  const productName = new Map(list.products.map((p) => [p.id, named(p)]));
  const quote = list.quote?.ok ? list.quote : null;
  const priced = new Map(quote?.products.map((p) => [p.productId, p]) ?? []);
  const short = new Map(list.shortfalls.map((s) => [s.productId, s.wanted - s.available]));
  const offSale = list.products.some((p) => !p.sellable && p.units > 0) || list.products.length < list.totals.productIds.length;
  const placeable = list.status === "DRAFT" && list.errors.length === 0 && list.recipients.length > 0 && short.size === 0 && !offSale && quote !== null;

  const valueOf = (row: StoredErrorRow, field: GiftField, productId?: string) =>
    field === "quantity" ? (productId ? (row.raw.quantities[productId] ?? "") : "") : field === "row" ? "" : row.raw[field];
  const errorLines = list.errors.slice(0, SHOWN).flatMap((row) => row.errors.map((e, i) => ({ key: `${row.line}-${i}`, line: row.line, error: e, value: valueOf(row, e.field, e.productId) })));

  return (
    <div className="space-y-5" data-testid="gift-preview" data-status={list.status} data-placeable={placeable ? "yes" : "no"}>
      <StatGrid>
        <StatCard label={t("preview.rows")} value={list.rowCount} testId="gift-rows" />
        <StatCard label={t("preview.valid")} value={list.totals.validRows} testId="gift-valid" />
        <StatCard label={t("preview.errorRows")} value={list.totals.errorRows} testId="gift-errors" />
        <StatCard label={t("preview.parcels")} value={quote ? quote.parcels.length : "—"} testId="gift-parcels" />
      </StatGrid>

      {list.status === "PLACED" && list.order && (
        <Notice tone="good" role="status">
          {t(list.order.approvalStatus === "PENDING" ? "done.placedPending" : "preview.placed", { number: list.order.number })}{" "}
          <Link href={`/org/orders/${list.order.id}`} className="font-medium underline" data-testid="gift-order-link">
            {t("preview.viewOrder")}
          </Link>
        </Notice>
      )}
      {list.status === "DISCARDED" && <Notice tone="bad">{t("preview.discarded")}</Notice>}

      {list.errors.length > 0 && (
        <Section title={t("preview.errorsHeading", { count: list.errors.length })} testId="gift-error-rows">
          <p className="mb-3 text-sm text-earth-600">{t("preview.errorsNote")}</p>
          <DataTable
            label={t("preview.errorsHeading", { count: list.errors.length })}
            rows={errorLines}
            rowKey={(r) => r.key}
            rowProps={(r) => ({ "data-testid": "gift-error", "data-line": r.line, "data-field": r.error.field, "data-code": r.error.code })}
            columns={[
              { key: "line", header: t("preview.line"), cell: (r) => r.line },
              {
                key: "field",
                header: t("preview.field"),
                cell: (r) => (r.error.productId ? `${tl(`fields.${r.error.field}`)} · ${productName.get(r.error.productId) ?? ""}` : tl(`fields.${r.error.field}`)),
              },
              { key: "problem", header: t("preview.problem"), cell: (r) => tl(`errors.${r.error.code}`, r.error.params) },
              { key: "value", header: t("preview.value"), cell: (r) => <span className="break-all">{r.value}</span> },
            ]}
          />
          {list.errors.length > SHOWN && <p className="mt-2 text-sm text-earth-600">{t("preview.errorsShown", { count: list.errors.length, shown: SHOWN })}</p>}
        </Section>
      )}

      <Section title={t("preview.productsHeading")} testId="gift-products">
        <DataTable
          label={t("preview.productsHeading")}
          rows={list.products}
          rowKey={(p) => p.id}
          rowProps={(p) => ({ "data-testid": "gift-product", "data-id": p.id, "data-units": p.units, "data-stock": p.stock })}
          columns={[
            { key: "product", header: t("preview.product"), cell: (p) => named(p) },
            { key: "cooperative", header: t("preview.cooperative"), cell: (p) => (locale === "en" ? p.cooperativeNameEn : p.cooperativeNameZh) },
            {
              key: "units",
              header: t("preview.units"),
              numeric: true,
              cell: (p) => (
                <>
                  {p.units}
                  {!p.sellable && <span className="block text-xs text-wine-700">{t("preview.offSale")}</span>}
                  {short.has(p.id) && <span className="block text-xs text-wine-700">{t("preview.short", { missing: short.get(p.id)! })}</span>}
                </>
              ),
            },
            { key: "stock", header: t("preview.stock"), numeric: true, cell: (p) => p.stock },
            {
              key: "unit",
              header: t("preview.unitPrice"),
              numeric: true,
              cell: (p) => {
                const q = priced.get(p.id);
                return (
                  <>
                    <Price fen={q?.unitPriceFen ?? p.listPriceFen} />
                    {q && q.discountBp > 0 && <span className="block text-xs text-leaf-700">{t("preview.tierApplied", { zhe: zheOf(q.discountBp) })}</span>}
                  </>
                );
              },
            },
            { key: "subtotal", header: t("preview.subtotal"), numeric: true, cell: (p) => (priced.get(p.id) ? <Price fen={priced.get(p.id)!.itemsFen} /> : "—") },
          ]}
        />
        {quote && (
          <dl className="mt-3 space-y-1 text-sm" data-testid="gift-totals" data-total-fen={quote.totalFen}>
            <div className="flex justify-between gap-3">
              <dt>{t("preview.items")}</dt>
              <dd>
                <Price fen={quote.itemsFen} />
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt>{t("preview.shipping", { parcels: quote.parcels.length })}</dt>
              <dd>
                <Price fen={quote.shippingFen} />
              </dd>
            </div>
            <div className="flex justify-between gap-3 text-base font-semibold">
              <dt>{t("preview.total")}</dt>
              <dd>
                <Price fen={quote.totalFen} />
              </dd>
            </div>
          </dl>
        )}
        <p className="mt-3 text-xs text-earth-600">{t("preview.pricingNote")}</p>
      </Section>

      {list.status === "DRAFT" && (
        <Section>
          {placeable ? (
            <div className="space-y-2">
              <p className="text-sm text-earth-600">{t("preview.placeNote")}</p>
              <GiftPlaceForm giftListId={list.id} label={t("preview.place")} />
            </div>
          ) : (
            <Notice tone="bad">{list.errors.length > 0 || list.recipients.length === 0 ? t("preview.cannotPlace") : t("preview.cannotPlaceStock")}</Notice>
          )}
          <div className="mt-4">
            <GiftDiscardForm giftListId={list.id} label={t("preview.discard")} />
          </div>
        </Section>
      )}

      {list.recipients.length > 0 && (
        <Section title={t("preview.recipientsHeading")} testId="gift-recipients">
          {list.recipients.length > SHOWN && <p className="mb-2 text-sm text-earth-600">{t("preview.recipientsShown", { count: list.recipients.length, shown: SHOWN })}</p>}
          <DataTable
            label={t("preview.recipientsHeading")}
            rows={list.recipients.slice(0, SHOWN)}
            rowKey={(r) => String(r.line)}
            columns={[
              { key: "line", header: t("preview.line"), cell: (r) => r.line },
              { key: "recipient", header: t("preview.recipient"), cell: (r) => r.name },
              { key: "phone", header: t("preview.phone"), cell: (r) => <span className="tabular-nums">{r.phone}</span> },
              { key: "address", header: t("preview.address"), cell: (r) => `${r.district ? districtName(r.district, locale) : (r.region ?? "")} ${r.address}` },
              {
                key: "gifts",
                header: t("preview.gifts"),
                cell: (r) =>
                  Object.entries(r.quantities)
                    .map(([id, n]) => `${productName.get(id) ?? ""} ×${n}`)
                    .join(locale === "en" ? ", " : "、"),
              },
            ]}
          />
        </Section>
      )}
    </div>
  );
}
