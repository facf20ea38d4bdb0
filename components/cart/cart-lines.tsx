"use client";
// The cart's lines with quantity buttons that update at once (useOptimistic) while the server action runs;
// the server's answer (stock limits, a cart changed elsewhere) then replaces the guess.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { Price } from "@/components/ui/price";
import type { FormAction } from "@/lib/action-state";
import { discountArgs, priceQuantity, type PriceTier } from "@/lib/domain/price-tiers";
import { yuan } from "@/lib/i18n/format";

export interface CartLineView {
  productId: string;
  slug: string;
  name: string;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  max: number;
  available: boolean;
  /** Quantity prices: the line's unit price follows its quantity (the server's figure replaces this guess). */
  listPriceFen: number;
  priceTiers: PriceTier[];
  minOrderQuantity: number;
}

/** The line at a quantity, as the server prices it (lib/domain/price-tiers.ts). */
function priced(l: CartLineView) {
  const r = priceQuantity({ listPriceFen: l.listPriceFen, tiers: l.priceTiers, minOrderQuantity: 1 }, l.quantity);
  return r.ok ? r.value : { unitPriceFen: l.unitPriceFen, discountBp: 0, tierMinQuantity: null, next: null };
}

export function CartLines({ lines, setQuantity }: { lines: CartLineView[]; setQuantity: FormAction }) {
  const t = useTranslations("cart");
  const tt = useTranslations("org.priceTiers");
  const [optimistic, apply] = useOptimistic(lines, (state, change: { productId: string; quantity: number }) =>
    state.flatMap((l) => (l.productId !== change.productId ? [l] : change.quantity <= 0 ? [] : [{ ...l, quantity: change.quantity }])),
  );
  const [, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const change = (productId: string, quantity: number) =>
    startTransition(async () => {
      apply({ productId, quantity });
      const form = new FormData();
      form.set("productId", productId);
      form.set("quantity", String(quantity));
      const result = await setQuantity(undefined, form);
      // The line has no field to mark: the quantity's own error (how many more fit), else the action's message.
      setError(result.ok ? null : (result.fieldErrors?.quantity ?? result.message ?? null));
    });

  const button = "h-9 w-9 rounded-lg border border-earth-600/40 bg-white text-lg font-medium disabled:opacity-40";
  return (
    <div>
      {error && (
        <p role="alert" className="mb-3 rounded-lg bg-wine-50 px-3 py-2 text-sm text-wine-700">
          {error}
        </p>
      )}
      <ul className="divide-y divide-earth-100">
        {optimistic.map((line) => {
          const p = priced(line);
          const l = { ...line, unitPriceFen: p.unitPriceFen };
          return (
            <li key={l.productId} className="flex gap-3 py-3" data-testid="cart-line">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              {l.image && <img src={l.image} alt="" width={72} height={72} className="h-18 w-18 shrink-0 rounded-lg bg-earth-100" />}
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/products/${l.slug}`} className="font-medium hover:text-wine-700">
                    {l.name}
                  </Link>
                  <Price fen={l.unitPriceFen * l.quantity} className="shrink-0 font-medium" />
                </div>
                <Price fen={l.unitPriceFen} className="text-sm text-earth-600" />
                {p.tierMinQuantity !== null && (
                  <span className="text-sm text-leaf-700" data-testid="cart-tier">
                    {tt("shop.tierReached", { quantity: p.tierMinQuantity, discount: tt("discount", discountArgs(p.discountBp)), listPrice: yuan(l.listPriceFen) })}
                  </span>
                )}
                {p.next && (
                  <span className="text-sm text-earth-600" data-testid="cart-next-tier">
                    {tt("shop.nextTier", { more: p.next.moreUnits, discount: tt("discount", discountArgs(p.next.discountBp)) })}
                  </span>
                )}
                {l.quantity < l.minOrderQuantity && <span className="text-sm text-wine-700">{tt("quantity.belowMinOrder", { minOrder: l.minOrderQuantity })}</span>}
                {!l.available && <span className="text-sm text-wine-700">{t("unavailable")}</span>}
                <div className="flex items-center gap-2" role="group" aria-label={t("quantityOf", { name: l.name })}>
                  <button type="button" className={button} aria-label={t("decrease", { name: l.name })} disabled={l.quantity <= Math.max(1, l.minOrderQuantity)} onClick={() => change(l.productId, l.quantity - 1)}>
                    −
                  </button>
                  <span className="w-8 text-center tabular-nums" data-testid="cart-quantity">
                    {l.quantity}
                  </span>
                  <button type="button" className={button} aria-label={t("increase", { name: l.name })} disabled={l.quantity >= l.max} onClick={() => change(l.productId, l.quantity + 1)}>
                    +
                  </button>
                  <button type="button" className="ml-auto text-sm text-wine-700 underline" aria-label={t("removeLabel", { name: l.name })} onClick={() => change(l.productId, 0)}>
                    {t("remove")}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
