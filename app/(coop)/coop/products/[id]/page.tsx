import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { ProductTermsForm } from "@/components/coop/product-terms-form";
import { PageHeader } from "@/components/ui/section";
import { splitLine } from "@/lib/domain/benefit";
import { yuan } from "@/lib/i18n/format";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCoopProductTerms } from "@/lib/server/queries/coop-products";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.editTitle"), robots: { index: false } };
}

/** A product's benefit rule and household weights, as its cooperative's manager edits them. */
export default async function CoopProductPage({ params }: Props) {
  const { id } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}`);
  // Read through the manager's cooperatives: another cooperative's product is a 404, as if it did not exist.
  const terms = await getCoopProductTerms(db, { cooperativeIds: user.cooperativeIds, productId: id });
  if (!terms) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { product } = terms;
  const rule =
    product.benefitRuleType === "PERCENT_OF_REVENUE"
      ? { type: "PERCENT_OF_REVENUE" as const, basisPoints: product.benefitBasisPoints ?? 0 }
      : { type: "FIXED_PER_UNIT" as const, fenPerUnit: product.benefitFenPerUnit ?? 0 };
  const unit = splitLine(rule, product.priceFen, 1, product.beneficiaries);
  return (
    <div className="space-y-4">
      <PageHeader title={named(product, locale)} />
      <p className="text-sm">{t("coopProducts.current", { price: yuan(product.priceFen), pool: yuan(unit.poolFen), cooperative: yuan(unit.cooperativeFen) })}</p>
      <ProductTermsForm terms={terms} />
    </div>
  );
}
