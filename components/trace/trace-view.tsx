import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FactList } from "@/components/catalog/fact-list";
import { beijingDay, named } from "@/components/coop/dates";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { StatCard } from "@/components/ui/stat-card";
import { formatMoney } from "@/lib/i18n/format";
import type { TraceFacts } from "@/lib/server/queries/trace";

/** The public origin page of a batch: public facts only (counts and one sum for the households, never who). */
export function TraceView({ facts }: { facts: TraceFacts }) {
  const t = useTranslations("trace");
  const village = useTranslations("village");
  const certificate = useTranslations("listing.certificate");
  const format = useFormatter();
  const locale = useLocale();
  const day = (d: string) => format.dateTime(beijingDay(d), "day");
  const note = locale === "en" ? facts.batch.noteEn || facts.batch.noteZh : facts.batch.noteZh || facts.batch.noteEn;
  const { validFrom, validUntil } = facts.certificate;
  return (
    <div className="mx-auto max-w-2xl space-y-4" data-testid="trace" data-trace-code={facts.code} data-on-sale={facts.product.onSale}>
      <PageHeader title={named(facts.product, locale)} subtitle={locale === "en" ? facts.product.specEn : facts.product.specZh} lead={t("lead")} />
      {facts.product.onSale ? (
        <Link href={`/products/${facts.product.slug}`} className="inline-block rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800">
          {t("buy")}
        </Link>
      ) : (
        <Notice role="status">{t("notOnSale")}</Notice>
      )}
      <Section title={t("batch")} testId="trace-batch">
        <FactList
          stacked
          facts={[
            { key: "lot", label: t("lot"), value: <span className="font-semibold">{facts.batch.lotNumber}</span> },
            { key: "date", label: t("productionDate"), value: day(facts.batch.productionDay) },
            { key: "quantity", label: t("quantity"), value: t("quantityValue", { count: facts.batch.quantity }) },
            ...(note ? [{ key: "notes", label: t("notes"), value: note }] : []),
            { key: "code", label: t("codeLabel"), value: <span className="font-mono">{facts.code}</span> },
          ]}
        />
      </Section>
      <Section title={t("origin")}>
        <FactList
          stacked
          facts={[
            {
              key: "village",
              label: t("village"),
              value: (
                <>
                  <Link href={`/villages/${facts.village.slug}`} className="text-wine-700 underline">
                    {named(facts.village, locale)}
                  </Link>
                  {" · "}
                  {facts.village.povertyStatus === "EXITED" ? (facts.village.exitYear ? village("exited", { year: String(facts.village.exitYear) }) : village("exitedNoYear")) : village("poor")}
                </>
              ),
            },
            { key: "county", label: t("countyLabel"), value: t("county") },
            {
              key: "cooperative",
              label: t("cooperative"),
              value: (
                <Link href={`/cooperatives/${facts.cooperative.slug}`} className="text-wine-700 underline">
                  {named(facts.cooperative, locale)}
                </Link>
              ),
            },
            { key: "category", label: t("category"), value: named(facts.category, locale) },
          ]}
        />
      </Section>
      <Section title={t("certification")} testId="trace-certificate">
        <FactList
          stacked
          facts={[
            { key: "state", label: t("status"), value: certificate(facts.certificate.state) },
            ...(facts.certificate.number ? [{ key: "number", label: t("certificateNumber"), value: <span className="font-mono">{facts.certificate.number}</span> }] : []),
            ...(validUntil ? [{ key: "validity", label: t("validity"), value: validFrom ? t("validityRange", { from: day(validFrom), until: day(validUntil) }) : day(validUntil) }] : []),
          ]}
        />
      </Section>
      <Section title={t("benefit")} testId="trace-benefit">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <StatCard label={t("supported")} value={t("householdsValue", { count: facts.households.supported })} testId="trace-supported" />
          <StatCard label={t("paidHouseholds")} value={t("householdsValue", { count: facts.households.paid })} />
          <StatCard label={t("benefitPaid")} value={formatMoney(format, facts.benefitPaidFen)} testId="trace-benefit-paid" />
        </div>
        <p className="mt-3 text-sm text-earth-600">{t("benefitNote")}</p>
      </Section>
    </div>
  );
}
