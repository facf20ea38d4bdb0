// A product's units on sale now, for its page (components/catalog/live-stock.tsx). The page itself is cached and is
// not expired by every sale (only when the product's stock level changes: lib/server/queries/catalog/tags.ts), so
// the figure it was rendered with may be a few sales old; this answer is read from the database on each request.
// Public, like the page; a product that is not on sale is not found.
import { sellableWhere } from "@/lib/domain/catalog";
import { db } from "@/lib/server/db";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const product = id.length <= 40 ? await db.product.findFirst({ where: { id, ...sellableWhere() }, select: { stock: true } }) : null;
  if (!product) return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json({ stock: product.stock }, { headers: { "Cache-Control": "private, no-store" } });
}
