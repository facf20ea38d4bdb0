import "server-only";
// The cart: database rows for a signed-in user, or for a guest identified by a signed httpOnly cookie.
// A guest cart merges into the account's cart on sign-in. Prices are never stored in the cart: they are read
// from the product when shown and again when the order is placed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import type { Db } from "@/lib/db/client";
import { MAX_QUANTITY_PER_LINE } from "@/lib/domain/checkout";
import { isSellable, SELLABLE_SELECT } from "@/lib/domain/catalog";
import { priceQuantity, storedTiers, type PriceTier } from "@/lib/domain/price-tiers";
import { authSecret, secureCookies } from "@/lib/server/env";

export const CART_COOKIE = "cart";

export type CartOwner = { userId: string } | { guestToken: string };

function sign(token: string): string {
  return createHmac("sha256", `${authSecret()}:cart`).update(token).digest("base64url");
}

export function encodeGuestCookie(token: string): string {
  return `${token}.${sign(token)}`;
}

/** The guest token from a cookie value, or null when it is missing or its signature is wrong. */
export function decodeGuestCookie(value: string | undefined): string | null {
  if (!value) return null;
  const [token, mac] = value.split(".");
  if (!token || !mac || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const expected = Buffer.from(sign(token));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? token : null;
}

export async function guestTokenFromCookie(): Promise<string | null> {
  return decodeGuestCookie((await cookies()).get(CART_COOKIE)?.value);
}

/** Sets a new guest cookie and returns its token (for a visitor who adds to a cart before signing in). */
export async function issueGuestToken(): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  (await cookies()).set(CART_COOKIE, encodeGuestCookie(token), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  return token;
}

export async function clearGuestCookie(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

const where = (owner: CartOwner) => ("userId" in owner ? { userId: owner.userId } : { guestToken: owner.guestToken });

export async function ensureCart(db: Db, owner: CartOwner): Promise<string> {
  const cart = await db.cart.upsert({ where: where(owner), create: where(owner), update: {}, select: { id: true } });
  return cart.id;
}

export interface CartLine {
  productId: string;
  slug: string;
  name: string;
  image: string | null;
  cooperativeId: string;
  cooperativeName: string;
  /** The price at this quantity: the list price less the tier reached (lib/domain/price-tiers.ts), as checkout charges. */
  unitPriceFen: number;
  listPriceFen: number;
  priceTiers: PriceTier[];
  /** The tier reached, null when none; the next one up, for "buy N more for x% off", null at the top. */
  tier: { minQuantity: number; discountBp: number } | null;
  nextTier: { minQuantity: number; discountBp: number; moreUnits: number } | null;
  /** A canteen pack's minimum (1: none); a line below it cannot be ordered. */
  minOrderQuantity: number;
  quantity: number;
  stock: number;
  available: boolean;
}

export async function readCart(db: Db, owner: CartOwner | null, locale: "zh-CN" | "en"): Promise<CartLine[]> {
  if (!owner) return [];
  const cart = await db.cart.findUnique({
    where: where(owner),
    select: {
      items: {
        orderBy: { addedAt: "asc" },
        select: {
          quantity: true,
          product: {
            select: {
              id: true,
              slug: true,
              nameZh: true,
              nameEn: true,
              priceFen: true,
              priceTiers: true,
              minOrderQuantity: true,
              stock: true,
              ...SELLABLE_SELECT,
              images: { select: { url: true }, orderBy: { sortOrder: "asc" }, take: 1 },
              cooperative: { select: { id: true, nameZh: true, nameEn: true, status: true } },
            },
          },
        },
      },
    },
  });
  return (cart?.items ?? []).map(({ quantity, product: p }) => {
    const priceTiers = storedTiers(p.priceTiers);
    // Priced whatever the minimum (the line shows what it would cost); the minimum itself is minOrderQuantity.
    const priced = priceQuantity({ listPriceFen: p.priceFen, tiers: priceTiers, minOrderQuantity: 1 }, quantity);
    const value = priced.ok ? priced.value : null;
    return {
      productId: p.id,
      slug: p.slug,
      name: locale === "en" ? p.nameEn : p.nameZh,
      image: p.images[0]?.url ?? null,
      cooperativeId: p.cooperative.id,
      cooperativeName: locale === "en" ? p.cooperative.nameEn : p.cooperative.nameZh,
      unitPriceFen: value?.unitPriceFen ?? p.priceFen,
      listPriceFen: p.priceFen,
      priceTiers,
      tier: value && value.tierMinQuantity !== null ? { minQuantity: value.tierMinQuantity, discountBp: value.discountBp } : null,
      nextTier: value?.next ?? null,
      minOrderQuantity: p.minOrderQuantity,
      quantity,
      stock: p.stock,
      available: isSellable(p) && p.stock > 0,
    };
  });
}

/** Sets a line's quantity (0 removes it). The caller has checked the product is sellable and in stock. */
export async function setCartQuantity(db: Db, owner: CartOwner, productId: string, quantity: number): Promise<void> {
  const cartId = await ensureCart(db, owner);
  if (quantity <= 0) {
    await db.cartItem.deleteMany({ where: { cartId, productId } });
    return;
  }
  await db.cartItem.upsert({
    where: { cartId_productId: { cartId, productId } },
    create: { cartId, productId, quantity },
    update: { quantity },
  });
}

/**
 * Moves a guest cart into the user's cart on sign-in: quantities of the same product add up, capped at
 * the stock and the per-line maximum; the guest cart is then deleted.
 */
export async function mergeGuestCart(db: Db, guestToken: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const guest = await tx.cart.findUnique({ where: { guestToken }, select: { id: true, items: { select: { productId: true, quantity: true, product: { select: { stock: true } } } } } });
    if (!guest) return;
    const cart = await tx.cart.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true, items: { select: { productId: true, quantity: true } } } });
    const existing = new Map(cart.items.map((i) => [i.productId, i.quantity]));
    for (const item of guest.items) {
      const quantity = Math.min((existing.get(item.productId) ?? 0) + item.quantity, item.product.stock, MAX_QUANTITY_PER_LINE);
      if (quantity <= 0) continue;
      await tx.cartItem.upsert({
        where: { cartId_productId: { cartId: cart.id, productId: item.productId } },
        create: { cartId: cart.id, productId: item.productId, quantity },
        update: { quantity },
      });
    }
    await tx.cart.delete({ where: { id: guest.id } });
  });
}

/** Units in the cart, for the header. */
export async function countCartItems(db: Db, owner: CartOwner | null): Promise<number> {
  if (!owner) return 0;
  const sum = await db.cartItem.aggregate({ where: { cart: where(owner) }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}
