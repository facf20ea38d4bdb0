import "server-only";
// The product listing: filters from the URL (lib/validation/catalog.ts), search, sort and paging — one SQL
// statement per listing: the matching products are counted (a window COUNT) and sorted, and only the page's twelve
// are joined to their names, first photo, household count and active reservations.
// Search matches the query's Chinese character pairs and Latin words (lib/domain/search.ts) against
// Product.searchDocument through its GIN index; tests/integration/search.test.ts compares it with the substring
// search it replaced.
import type { Db } from "@/lib/db/client";
import { searchQuery } from "@/lib/domain/search";
import { Prisma, type BenefitRuleType } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { PAGE_SIZE, type CatalogQuery } from "@/lib/validation/catalog";
import type { ActiveHold } from "./availability";
import { sellableSql, toCardCounted, withHolds, type CardRow, type ProductCard } from "./shared";

export interface ProductPage {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  /** Epoch ms when an expiring reservation next changes a card's stock level; null: no such change due. */
  stockValidUntil: number | null;
}

/** shared.ts's productOrder in SQL, on the product `p`; a search in the default order puts the best match first. */
function orderSql(sort: CatalogQuery["sort"], ranked: boolean): Prisma.Sql {
  switch (sort) {
    case "price-asc":
      return Prisma.sql`p."priceFen" ASC, p.slug ASC`;
    case "price-desc":
      return Prisma.sql`p."priceFen" DESC, p.slug ASC`;
    case "newest":
      return Prisma.sql`p."createdAt" DESC, p.slug ASC`;
    default:
      return ranked ? Prisma.sql`rank DESC, p.featured DESC, p."createdAt" DESC, p.slug ASC` : Prisma.sql`p.featured DESC, p."createdAt" DESC, p.slug ASC`;
  }
}

interface ListingRow {
  /** Set on the one row an empty page answers; the product columns are then null. */
  countIfEmpty: number;
  total: number;
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  specZh: string;
  specEn: string;
  priceFen: number;
  stock: number;
  benefitRuleType: BenefitRuleType;
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
  imageUrl: string | null;
  imageAltZh: string;
  imageAltEn: string;
  categorySlug: string;
  categoryZh: string;
  categoryEn: string;
  villageSlug: string;
  villageZh: string;
  villageEn: string;
  cooperativeSlug: string;
  cooperativeZh: string;
  cooperativeEn: string;
  /** Households with a weight above 0: all a card shows of them (toCardCounted). */
  householdCount: number;
  holds: ActiveHold[];
}

export async function listProducts(db: Db, query: CatalogQuery, locale: Locale): Promise<ProductPage> {
  const tsquery = query.q ? searchQuery(query.q) : null;
  // Only punctuation: nothing can match it.
  if (query.q && tsquery === null) return { items: [], total: 0, page: 1, pageCount: 1, stockValidUntil: null };
  const filters = [
    sellableSql(),
    ...(query.category ? [Prisma.sql`p."categoryId" = (SELECT id FROM "Category" WHERE slug = ${query.category})`] : []),
    ...(query.village ? [Prisma.sql`p."originVillageId" = (SELECT id FROM "Village" WHERE slug = ${query.village})`] : []),
    ...(query.cooperative ? [Prisma.sql`p."cooperativeId" = (SELECT id FROM "Cooperative" WHERE slug = ${query.cooperative})`] : []),
    ...(query.minFen !== null ? [Prisma.sql`p."priceFen" >= ${query.minFen}`] : []),
    ...(query.maxFen !== null ? [Prisma.sql`p."priceFen" <= ${query.maxFen}`] : []),
    // The query goes in behind a one-row subquery, so that the plan is made without knowing it. Knowing it, the
    // planner looks the pairs up in the column's statistics and, for a common one (葡萄: 28 % of the catalog),
    // prefers reading every product and testing its document to the GIN index, because it prices @@ like any
    // cheap operator — but each test decodes a ~1.3 KB document, many of them out of line: 60 ms at 10,000
    // products. Not knowing it, the planner takes a selective default and uses the index, which finds the matches
    // without opening a document (a phrase rechecks only its candidates): the listing's rows are then the only
    // ones read, ~10 ms. docs/benchmarks.md has the plans.
    ...(tsquery ? [Prisma.sql`p."searchDocument" @@ (SELECT ${tsquery}::tsquery)`] : []),
  ];
  // Ranked only where the order uses it (a buyer who sorts by price gets price order), by how well the product's own
  // names match: the small rank document, not the whole one, which every match would have to decompress.
  const ranked = tsquery !== null && query.sort === "featured";
  const rank = ranked ? Prisma.sql`ts_rank(p."searchRankDocument", ${tsquery}::tsquery)` : Prisma.sql`0`;
  const order = orderSql(query.sort, ranked);
  const read = (page: number) => db.$queryRaw<ListingRow[]>`
    WITH page AS (
      SELECT p.id, p.rank, (COUNT(*) OVER ())::int AS total
      -- The matches cut down to what the order reads, behind OFFSET 0 (so it stays a subquery): the rank is then
      -- computed below the window, which holds a few dozen bytes per match instead of each one's rank document.
      FROM (SELECT p.id, p."priceFen", p.featured, p."createdAt", p.slug, ${rank} AS rank
            FROM "Product" p WHERE ${Prisma.join(filters, " AND ")} OFFSET 0) p
      ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}
    )
    SELECT f.total AS "countIfEmpty", pg.total, pg.rank, p.id, p.slug, p."nameZh", p."nameEn", p."specZh", p."specEn", p."priceFen", p.stock,
      p."benefitRuleType"::text AS "benefitRuleType", p."benefitBasisPoints", p."benefitFenPerUnit",
      i.url AS "imageUrl", i."altZh" AS "imageAltZh", i."altEn" AS "imageAltEn",
      c.slug AS "categorySlug", c."nameZh" AS "categoryZh", c."nameEn" AS "categoryEn",
      v.slug AS "villageSlug", v."nameZh" AS "villageZh", v."nameEn" AS "villageEn",
      co.slug AS "cooperativeSlug", co."nameZh" AS "cooperativeZh", co."nameEn" AS "cooperativeEn",
      (SELECT count(*)::int FROM "ProductBeneficiary" b WHERE b."productId" = p.id AND b.weight > 0) AS "householdCount",
      COALESCE((SELECT json_agg(json_build_object('quantity', r.quantity, 'expiresAt', floor(extract(epoch FROM r."expiresAt") * 1000)))
        FROM "StockReservation" r WHERE r."productId" = p.id AND r.status = 'ACTIVE'), '[]') AS holds
    -- An empty page (past the end, or nothing matches) still answers one row: how many match, counted only then.
    FROM (SELECT COUNT(*)::int AS total FROM "Product" p WHERE NOT EXISTS (SELECT 1 FROM page) AND ${Prisma.join(filters, " AND ")}) f
    LEFT JOIN (page pg
      JOIN "Product" p ON p.id = pg.id
      JOIN "Category" c ON c.id = p."categoryId"
      JOIN "Village" v ON v.id = p."originVillageId"
      JOIN "Cooperative" co ON co.id = p."cooperativeId"
      LEFT JOIN LATERAL (SELECT url, "altZh", "altEn" FROM "ProductImage" WHERE "productId" = p.id ORDER BY "sortOrder" LIMIT 1) i ON true) ON true
    ORDER BY ${order}`;
  let page = query.page;
  let rows = await read(page);
  const onlyCount = rows.length === 1 && rows[0]!.id === null ? rows[0]!.countIfEmpty : null;
  if (onlyCount !== null && onlyCount > 0) {
    // A page past the end (a stale link) shows the last page: the one listing that takes a second statement.
    page = Math.ceil(onlyCount / PAGE_SIZE);
    rows = await read(page);
  }
  const first = rows[0];
  if (!first || first.id === null) return { items: [], total: 0, page: 1, pageCount: 1, stockValidUntil: null };
  const cards = rows.map((r) => toCardCounted(cardRow(r), r.householdCount, locale));
  const { items, stockValidUntil } = withHolds(cards, new Map(rows.map((r) => [r.id, r.holds])), false);
  return { items, total: first.total, page, pageCount: Math.max(1, Math.ceil(first.total / PAGE_SIZE)), stockValidUntil };
}

function cardRow(r: ListingRow): Omit<CardRow, "beneficiaries"> {
  return {
    id: r.id,
    slug: r.slug,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    specZh: r.specZh,
    specEn: r.specEn,
    priceFen: r.priceFen,
    stock: r.stock,
    benefitRuleType: r.benefitRuleType,
    benefitBasisPoints: r.benefitBasisPoints,
    benefitFenPerUnit: r.benefitFenPerUnit,
    images: r.imageUrl === null ? [] : [{ url: r.imageUrl, altZh: r.imageAltZh, altEn: r.imageAltEn }],
    category: { slug: r.categorySlug, nameZh: r.categoryZh, nameEn: r.categoryEn },
    originVillage: { slug: r.villageSlug, nameZh: r.villageZh, nameEn: r.villageEn },
    cooperative: { slug: r.cooperativeSlug, nameZh: r.cooperativeZh, nameEn: r.cooperativeEn },
  };
}
