import "server-only";
// The product listing: filters from the URL (lib/validation/catalog.ts), search, sort and paging.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { PAGE_SIZE, type CatalogQuery } from "@/lib/validation/catalog";
import { cardSelect, productOrder, sellable, toCard, withAvailability, type ProductCard } from "./shared";

/** Every whitespace-separated term must match one of the searchable fields (case-insensitive substring, so it works on Chinese). */
function searchWhere(q: string): Prisma.ProductWhereInput[] {
  return q
    .split(" ")
    .filter(Boolean)
    .slice(0, 5)
    // Prisma's `contains` is SQL LIKE: a typed % or _ must match itself, not act as a wildcard.
    .map((raw) => raw.replace(/[\\%_]/g, "\\$&"))
    .map((term) => ({
      OR: [
        { nameZh: { contains: term, mode: "insensitive" } },
        { nameEn: { contains: term, mode: "insensitive" } },
        { descriptionZh: { contains: term, mode: "insensitive" } },
        { descriptionEn: { contains: term, mode: "insensitive" } },
        { category: { nameZh: { contains: term, mode: "insensitive" } } },
        { category: { nameEn: { contains: term, mode: "insensitive" } } },
        { cooperative: { nameZh: { contains: term, mode: "insensitive" } } },
        { cooperative: { nameEn: { contains: term, mode: "insensitive" } } },
        { originVillage: { nameZh: { contains: term, mode: "insensitive" } } },
        { originVillage: { nameEn: { contains: term, mode: "insensitive" } } },
      ],
    }));
}

export interface ProductPage {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  /** Epoch ms when an expiring reservation next changes a card's stock level; null: no such change due. */
  stockValidUntil: number | null;
}

export async function listProducts(db: Db, query: CatalogQuery, locale: Locale): Promise<ProductPage> {
  const where: Prisma.ProductWhereInput = {
    ...sellable(),
    AND: [
      ...(query.category ? [{ category: { slug: query.category } }] : []),
      ...(query.village ? [{ originVillage: { slug: query.village } }] : []),
      ...(query.cooperative ? [{ cooperative: { slug: query.cooperative, status: "CERTIFIED" as const } }] : []),
      ...(query.minFen !== null ? [{ priceFen: { gte: query.minFen } }] : []),
      ...(query.maxFen !== null ? [{ priceFen: { lte: query.maxFen } }] : []),
      ...(query.q ? searchWhere(query.q) : []),
    ],
  };
  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.product.findMany({
    where,
    select: cardSelect,
    orderBy: productOrder(query.sort),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  const { items, stockValidUntil } = await withAvailability(db, rows.map((r) => toCard(r, locale)), false);
  return { items, total, page, pageCount, stockValidUntil };
}
