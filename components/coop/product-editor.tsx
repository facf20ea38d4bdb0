import { useLocale, useTranslations } from "next-intl";
import { canEditDetails, type ListingStatus } from "@/lib/domain/listing";
import { named } from "./dates";
import { ProductEditorForm, type ProductEditorFormProps } from "./product-editor-form";

type Option = { id: string; nameZh: string; nameEn: string };

export interface EditedProduct {
  id: string;
  listingStatus: ListingStatus;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  unitZh: string;
  unitEn: string;
  specZh: string;
  specEn: string;
  categoryId: string;
  originVillageId: string;
  priceFen: number;
}

/** The product editor: a new product for a cooperative (no `product`), or an existing one's details. */
export function ProductEditor({ cooperativeId, product, categories, villages }: { cooperativeId: string; product?: EditedProduct; categories: Option[]; villages: Option[] }) {
  const t = useTranslations("productEditor");
  const locale = useLocale();
  const field = (key: Parameters<typeof t>[0], hint?: Parameters<typeof t>[0]) => ({ label: t(key), ...(hint ? { hint: t(hint) } : {}) });
  const fields: ProductEditorFormProps["fields"] = {
    nameZh: field("nameZh"),
    nameEn: field("nameEn"),
    descriptionZh: field("descriptionZh"),
    descriptionEn: field("descriptionEn"),
    unitZh: field("unitZh", "unitZhHint"),
    unitEn: field("unitEn", "unitEnHint"),
    specZh: field("specZh", "specHint"),
    specEn: field("specEn", "specEnHint"),
    categoryId: field("category"),
    originVillageId: field("village", "villageHint"),
    price: field("price", "priceHint"),
  };
  const defaults: Record<string, string> = product
    ? {
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        descriptionZh: product.descriptionZh,
        descriptionEn: product.descriptionEn,
        unitZh: product.unitZh,
        unitEn: product.unitEn,
        specZh: product.specZh,
        specEn: product.specEn,
        categoryId: product.categoryId,
        originVillageId: product.originVillageId,
        price: (product.priceFen / 100).toFixed(2),
      }
    : // A new product's village defaults to the cooperative's only village, when it has just one.
      { unitZh: "", unitEn: "", ...(villages.length === 1 ? { originVillageId: villages[0]!.id } : {}) };
  return (
    <ProductEditorForm
      cooperativeId={cooperativeId}
      productId={product?.id}
      locked={product ? !canEditDetails(product.listingStatus) : false}
      lockedNotice={t("lockedNotice")}
      submitLabel={product ? t("save") : t("create")}
      placeholder={t("choose")}
      fields={fields}
      defaults={defaults}
      categories={categories.map((c) => ({ value: c.id, label: named(c, locale) }))}
      villages={villages.map((v) => ({ value: v.id, label: named(v, locale) }))}
    />
  );
}
