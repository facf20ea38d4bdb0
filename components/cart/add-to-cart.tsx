import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { MAX_QUANTITY_PER_LINE } from "@/lib/domain/checkout";
import { addToCartAction } from "@/lib/server/actions/cart/add-to-cart";

/** The quantity starts at the product's minimum order (a canteen pack), which the action enforces too. */
export function AddToCart({ productId, stock, unit, minOrderQuantity = 1 }: { productId: string; stock: number; unit: string; minOrderQuantity?: number }) {
  const t = useTranslations("cart");
  const tp = useTranslations("product");
  const max = Math.min(stock, MAX_QUANTITY_PER_LINE);
  return (
    <ActionForm action={addToCartAction} submitLabel={t("add")} className="flex flex-wrap items-end gap-3" testId="add-to-cart">
      <input type="hidden" name="productId" value={productId} />
      <div className="w-36">
        <Field
          name="quantity"
          label={t("quantity")}
          type="number"
          inputMode="numeric"
          min={Math.max(1, minOrderQuantity)}
          max={max}
          step={1}
          defaultValue={String(Math.max(1, minOrderQuantity))}
          hint={t("stockLimit", { quantity: tp("quantity", { count: max, unit }) })}
        />
      </div>
    </ActionForm>
  );
}
