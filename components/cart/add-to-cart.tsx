import { ActionForm, Field } from "@/components/ui/action-form";
import { MAX_QUANTITY_PER_LINE } from "@/lib/domain/checkout";
import type { Translate } from "@/lib/i18n/translate";
import { addToCartAction } from "@/lib/server/actions/cart/add-to-cart";

export function AddToCart({ productId, stock, unit, t }: { productId: string; stock: number; unit: string; t: Translate }) {
  const max = Math.min(stock, MAX_QUANTITY_PER_LINE);
  return (
    <ActionForm action={addToCartAction} submitLabel={t("cart.add")} className="flex flex-wrap items-end gap-3" testId="add-to-cart">
      <input type="hidden" name="productId" value={productId} />
      <div className="w-28">
        <Field name="quantity" label={t("cart.quantity")} type="number" inputMode="numeric" min={1} max={max} step={1} defaultValue="1" hint={t("cart.stockLimit", { count: max, unit })} />
      </div>
    </ActionForm>
  );
}
