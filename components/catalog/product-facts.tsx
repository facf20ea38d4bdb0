import Link from "next/link";
import { useTranslations } from "next-intl";
import { FactList, type Fact } from "./fact-list";
import type { ProductDetail } from "./types";

const link = "text-wine-700 underline";

/** Origin, cooperative, enterprise, certificate and production lots: where the product comes from. */
export function ProductFacts({ product }: { product: ProductDetail }) {
  const t = useTranslations("product");
  const facts: Fact[] = [
    {
      key: "origin",
      label: t("origin"),
      value: t.rich("originPlace", {
        village: product.village.name,
        township: product.village.township,
        link: (chunks) => (
          <Link href={`/villages/${product.village.slug}`} className={link}>
            {chunks}
          </Link>
        ),
      }),
    },
    {
      key: "cooperative",
      label: t("cooperative"),
      value: (
        <Link href={`/cooperatives/${product.cooperative.slug}`} className={link}>
          {product.cooperative.name}
        </Link>
      ),
    },
    ...(product.cooperative.enterprise ? [{ key: "enterprise", label: t("enterprise"), value: product.cooperative.enterprise }] : []),
    {
      key: "certificate",
      label: t("certificate"),
      value: (
        <>
          <span className="break-all font-mono" data-testid="certificate-number">
            {product.certificateNumber}
          </span>
          {product.certifiedAt && <span className="block text-earth-600">{t("certifiedOn", { date: new Date(product.certifiedAt) })}</span>}
        </>
      ),
    },
  ];
  if (product.batches.length > 0) {
    facts.push({
      key: "batches",
      label: t("batches"),
      value: (
        <ul>
          {product.batches.map((b) => (
            // A production date is a calendar day (stored at UTC midnight): the same day in Beijing.
            <li key={b.lotNumber}>{t("lot", { lot: b.lotNumber, date: new Date(b.productionDate) })}</li>
          ))}
        </ul>
      ),
    });
  }
  return <FactList facts={facts} stacked className="rounded-xl bg-white p-4" />;
}
