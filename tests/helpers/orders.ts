// Placing an order through the real placeOrder, for integration tests: a fresh buyer, a cart of the given
// lines, a Beijing address (and an institution for bank transfer, as a union buying in bulk would have).
import { cartFingerprint } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import { placeOrder, type PlaceOrderInput } from "@/lib/server/orders/place-order";

export interface PlacedTestOrder {
  orderId: string;
  number: string;
  totalFen: number;
  method: "STRIPE" | "BANK_TRANSFER";
  buyerId: string;
  reservedUntil: Date;
}

let buyers = 0;

/** A cart line as the checkout reviews it. */
export type CartLine = { productId: string; quantity: number };

/** What the checkout action hands placeOrder for a buyer who reviewed these lines: a Beijing address, no invoice. */
export function checkoutInput(userId: string, lines: CartLine[], method: PlaceOrderInput["method"] = "STRIPE"): PlaceOrderInput {
  return {
    userId,
    method,
    address: { recipient: "王小明", phone: "13800001111", district: "chaoyang", street: "朝阳区建国路 1 号" },
    note: "",
    institution: null,
    fingerprint: cartFingerprint(lines),
  };
}

/** A buyer's cart lines, by product id. */
export async function cartLinesOf(db: Db, userId: string): Promise<CartLine[]> {
  const cart = await db.cart.findUnique({ where: { userId }, select: { items: { select: { productId: true, quantity: true }, orderBy: { productId: "asc" } } } });
  return cart?.items ?? [];
}

export async function productIdOf(db: Db, slug: string): Promise<string> {
  return (await db.product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

export async function placeTestOrder(
  db: Db,
  method: PlacedTestOrder["method"],
  lines: readonly [productId: string, quantity: number][],
  tag = "order",
  now?: Date,
): Promise<PlacedTestOrder> {
  const n = ++buyers;
  const user = await db.user.create({ data: { email: `${tag}-${n}-${Date.now()}@example.test` }, select: { id: true } });
  const items = lines.map(([productId, quantity]) => ({ productId, quantity }));
  await db.cart.create({ data: { userId: user.id, items: { create: items } } });
  const placed = await placeOrder(
    db,
    {
      userId: user.id,
      method,
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: method === "BANK_TRANSFER" ? { unitName: "北京市朝阳区总工会", invoiceTitle: "北京市朝阳区总工会", taxId: "91110105000000000X" } : null,
      fingerprint: cartFingerprint(items),
    },
    now,
  );
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
  return { orderId: placed.orderId, number: placed.number, totalFen: placed.totalFen, method, buyerId: user.id, reservedUntil: placed.reservedUntil };
}
