import { useFormatter, useLocale, useTranslations } from "next-intl";
import { named } from "@/components/coop/dates";
import { Field } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { formatMoney } from "@/lib/i18n/format";
import { certifyProductAction } from "@/lib/server/actions/admin/certify-product";
import { rejectProductAction } from "@/lib/server/actions/admin/reject-product";
import type { ReviewItem } from "@/lib/server/queries/certifications";
import { CertificationActions, CertificationForm, ReasonField } from "./certification-actions";

const coopTone = { PENDING: "bg-earth-100 text-earth-900", CERTIFIED: "bg-leaf-50 text-leaf-700", SUSPENDED: "bg-wine-50 text-wine-700" } as const;

/**
 * The review queue (oldest submission first): each product with what the reviewer checks — cooperative (and
 * whether it is certified itself: if not, certifying the product does not put it in front of buyers), origin,
 * category, price, the benefit rule in words and per unit, households, photos, description — and the two
 * decisions, certify (number and validity, today → today + 3 years proposed) or reject (with a reason).
 */
export function CertificationQueue({
  items,
  validity,
  total = items.length,
  controls,
  empty,
}: {
  items: ReviewItem[];
  validity: { validFrom: string; validUntil: string };
  /** When the queue is paged: how many await review in all. */
  total?: number;
  /** The sort links, under the heading. */
  controls?: React.ReactNode;
  /** What an empty queue says, instead of the plain notice. */
  empty?: React.ReactNode;
}) {
  const t = useTranslations("certification");
  const tb = useTranslations("benefit");
  const format = useFormatter();
  const locale = useLocale();
  const en = locale === "en";
  return (
    <section aria-labelledby="queue-title" className="space-y-3">
      <h2 id="queue-title" className="text-lg font-semibold">
        {t("queueTitle", { count: total })}
      </h2>
      {items.length > 0 && controls}
      <CertificationActions actions={[certifyProductAction, rejectProductAction]} testId="certification-queue-status">
        {items.length === 0 && (empty ?? <Notice>{t("queueEmpty")}</Notice>)}
        <ul className="space-y-4">
          {items.map((p) => {
            const name = named(p, locale);
            const unit = en ? p.unitEn : p.unitZh;
            return (
              <Section key={p.id} as="li" className="space-y-3" testId="review-item" data={{ "data-product": p.slug }}>
                <header className="space-y-1">
                  <h3 className="text-base font-semibold">{name}</h3>
                  <p className="text-sm text-earth-600">{p.submittedAt ? t("submittedAt", { date: format.dateTime(p.submittedAt, "dateTime") }) : t("notSubmitted")}</p>
                </header>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm md:grid-cols-[auto_1fr_auto_1fr]">
                  <dt className="text-earth-600">{t("cooperative")}</dt>
                  <dd>
                    {named(p.cooperative, locale)}{" "}
                    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${coopTone[p.cooperative.status]}`} data-testid="coop-status">
                      {t(`coopStatus.${p.cooperative.status}`)}
                    </span>
                  </dd>
                  <dt className="text-earth-600">{t("origin")}</dt>
                  <dd>
                    {named(p.originVillage, locale)}, {named(p.originVillage.township, locale)}
                  </dd>
                  <dt className="text-earth-600">{t("category")}</dt>
                  <dd>{named(p.category, locale)}</dd>
                  <dt className="text-earth-600">{t("price")}</dt>
                  <dd>
                    <Price fen={p.priceFen} /> / {unit}
                    {(en ? p.specEn : p.specZh) && <span className="text-earth-600"> · {en ? p.specEn : p.specZh}</span>}
                  </dd>
                  <dt className="text-earth-600">{t("households")}</dt>
                  <dd>{t("householdCount", { count: p.householdCount })}</dd>
                </dl>
                <div className="rounded-lg bg-leaf-50 px-3 py-2 text-sm text-leaf-700" data-testid="benefit-rule">
                  <p>
                    {p.rule.type === "PERCENT_OF_REVENUE"
                      ? tb("rulePercent", { percent: format.number(p.rule.basisPoints / 10_000, { style: "percent", maximumFractionDigits: 2 }) })
                      : tb("ruleFixed", { amount: formatMoney(format, p.rule.fenPerUnit) })}
                  </p>
                  <p>
                    {p.householdCount > 0
                      ? t("benefitUnit", { unit, price: formatMoney(format, p.priceFen), pool: formatMoney(format, p.unit.poolFen), cooperative: formatMoney(format, p.unit.cooperativeFen) })
                      : t("noHouseholds")}
                  </p>
                </div>
                {p.cooperative.status !== "CERTIFIED" && (
                  <Notice tone="bad" role="status">
                    {t("coopWarning")}
                  </Notice>
                )}
                <div>
                  <h4 className="text-sm font-medium">{t("photos")}</h4>
                  {p.images.length === 0 ? (
                    <p className="text-sm text-earth-600">{t("noPhotos")}</p>
                  ) : (
                    <ul className="mt-1 flex gap-2 overflow-x-auto pb-1">
                      {p.images.map((img) => (
                        <li key={img.id} className="shrink-0">
                          <a href={img.url} target="_blank" rel="noreferrer" className="block rounded-lg focus-visible:outline-2 focus-visible:outline-wine-700">
                            {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of seed SVGs and uploaded WebP renditions as stored */}
                            <img src={img.url} alt={(en ? img.altEn : img.altZh) || name} width={96} height={96} loading="lazy" className="h-24 w-24 rounded-lg bg-earth-100 object-cover" />
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div>
                  <h4 className="text-sm font-medium">{t("description")}</h4>
                  <p className="text-sm whitespace-pre-line">{(en ? p.descriptionEn : p.descriptionZh) || t("noDescription")}</p>
                </div>
                <div className="grid gap-4 border-t border-earth-100 pt-3 md:grid-cols-2">
                  <CertificationForm which={0} productId={p.id} submitLabel={t("approve")} className="space-y-3" testId="certify-form">
                    <h4 className="font-medium">{t("approveTitle")}</h4>
                    <Field name="certificateNumber" label={t("certificateNumber")} hint={t("certificateNumberHint")} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} />
                    <div className="grid grid-cols-2 gap-2">
                      <Field name="validFrom" label={t("validFrom")} type="date" defaultValue={validity.validFrom} />
                      <Field name="validUntil" label={t("validUntil")} type="date" defaultValue={validity.validUntil} />
                    </div>
                    <p className="text-xs text-earth-600">{t("validityHint")}</p>
                  </CertificationForm>
                  <CertificationForm which={1} productId={p.id} submitLabel={t("reject")} variant="danger" className="space-y-3" testId="reject-form">
                    <h4 className="font-medium">{t("rejectTitle")}</h4>
                    <ReasonField label={t("reason")} />
                  </CertificationForm>
                </div>
              </Section>
            );
          })}
        </ul>
      </CertificationActions>
    </section>
  );
}
