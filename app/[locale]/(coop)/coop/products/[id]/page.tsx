import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { ListingPanel } from "@/components/coop/listing-panel";
import { PriceTiersForm } from "@/components/coop/price-tiers-form";
import { PriceTierList } from "@/components/catalog/price-tier-list";
import { ProductEditor } from "@/components/coop/product-editor";
import { ProductSubnav } from "@/components/coop/product-subnav";
import { ProductTermsForm } from "@/components/coop/product-terms-form";
import { PageHeader, Section } from "@/components/ui/section";
import { splitLine } from "@/lib/domain/benefit";
import { canEditDetails } from "@/lib/domain/listing";
import { storedTiers } from "@/lib/domain/price-tiers";
import { yuan } from "@/lib/i18n/format";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCoopProductEditor, getCoopProductTerms, productEditorOptions } from "@/lib/server/queries/coop-products";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.editTitle"), robots: { index: false } };
}

/** One product, as its cooperative's manager keeps it: listing state, details, benefit rule and households. */
export default async function CoopProductPage({ params }: Props) {
  const { id } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}`);
  // Read through the manager's cooperatives: another cooperative's product is a 404, as if it did not exist.
  const scope = { cooperativeIds: user.cooperativeIds, productId: id };
  const [product, terms] = await Promise.all([getCoopProductEditor(db, scope), getCoopProductTerms(db, scope)]);
  if (!product || !terms) notFound();
  const [t, locale, options] = await Promise.all([getT(), getLocale(), productEditorOptions(db, { cooperativeIds: user.cooperativeIds, cooperativeId: product.cooperativeId })]);
  if (!options) notFound();
  const p = terms.product;
  const rule =
    p.benefitRuleType === "PERCENT_OF_REVENUE"
      ? { type: "PERCENT_OF_REVENUE" as const, basisPoints: p.benefitBasisPoints ?? 0 }
      : { type: "FIXED_PER_UNIT" as const, fenPerUnit: p.benefitFenPerUnit ?? 0 };
  const unit = splitLine(rule, p.priceFen, 1, p.beneficiaries);
  return (
    <div className="space-y-4">
      <PageHeader title={named(product, locale)} subtitle={named(product.cooperative, locale)} />
      <ProductSubnav productId={product.id} current="details" />
      <ListingPanel product={product} now={new Date()} />
      <Section title={t("productEditor.detailsTitle")}>
        <ProductEditor cooperativeId={product.cooperativeId} product={product} categories={options.categories} villages={options.villages} />
      </Section>
      <Section title={t("productEditor.termsTitle")}>
        <p className="mb-3 text-sm">{t("coopProducts.current", { price: yuan(p.priceFen), pool: yuan(unit.poolFen), cooperative: yuan(unit.cooperativeFen) })}</p>
        {canEditDetails(product.listingStatus) ? <ProductTermsForm terms={terms} /> : <p className="text-sm text-earth-600">{t("productEditor.lockedNotice")}</p>}
      </Section>
      <Section title={t("org.priceTiers.form.title")}>
        <div className="mb-3">
          {storedTiers(p.priceTiers).length === 0 && p.minOrderQuantity <= 1 ? (
            <p className="text-sm text-earth-600">{t("org.priceTiers.form.none")}</p>
          ) : (
            <PriceTierList listPriceFen={p.priceFen} tiers={storedTiers(p.priceTiers)} minOrderQuantity={p.minOrderQuantity} unit={named({ nameZh: product.unitZh, nameEn: product.unitEn }, locale)} heading={false} />
          )}
        </div>
        {canEditDetails(product.listingStatus) ? <PriceTiersForm product={p} /> : <p className="text-sm text-earth-600">{t("productEditor.lockedNotice")}</p>}
      </Section>
    </div>
  );
}
