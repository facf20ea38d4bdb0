import { useFormatter, useLocale, useTranslations } from "next-intl";
import { named } from "@/components/coop/dates";
import { Notice, Section } from "@/components/ui/section";
import { revokeCertificateAction } from "@/lib/server/actions/admin/revoke-certificate";
import { setFeaturedAction } from "@/lib/server/actions/admin/set-featured";
import type { CertifiedItem } from "@/lib/server/queries/certifications";
import { CertificationActions, CertificationForm, ReasonField } from "./certification-actions";

/** Days left on a certificate, in words, and how urgent that is. */
function remaining(p: CertifiedItem, t: ReturnType<typeof useTranslations<"certification">>): { text: string; tone: string } {
  if (p.daysToStart !== null && p.daysToStart > 0) return { text: t("notYetValid", { days: p.daysToStart }), tone: "bg-earth-100 text-earth-900" };
  if (p.daysLeft === null) return { text: "—", tone: "bg-earth-100 text-earth-900" };
  if (p.daysLeft < 0) return { text: t("expiredAgo", { days: -p.daysLeft }), tone: "bg-wine-50 text-wine-700" };
  if (p.daysLeft === 0) return { text: t("expiresToday"), tone: "bg-wine-50 text-wine-700" };
  return { text: t("daysLeft", { days: p.daysLeft }), tone: p.daysLeft <= 30 ? "bg-wine-50 text-wine-700" : "bg-leaf-50 text-leaf-700" };
}

/**
 * Certified products on sale or off sale, the soonest to expire first: certificate number, validity, days left,
 * whether buyers can buy it now, the featured toggle, and revocation with a reason (behind a disclosure, so it is
 * never pressed by accident on a phone).
 */
export function CertifiedProducts({
  items,
  total = items.length,
  controls,
  empty,
}: {
  items: CertifiedItem[];
  /** When the list is paged: how many are certified in all. */
  total?: number;
  /** The sort links, under the lead. */
  controls?: React.ReactNode;
  /** What an empty list says, instead of the plain notice. */
  empty?: React.ReactNode;
}) {
  const t = useTranslations("certification");
  const tl = useTranslations("listing");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <section aria-labelledby="certified-title" className="space-y-3">
      <h2 id="certified-title" className="text-lg font-semibold">
        {t("certifiedTitle", { count: total })}
      </h2>
      <p className="text-sm text-earth-600">{t("certifiedLead")}</p>
      {items.length > 0 && controls}
      <CertificationActions actions={[revokeCertificateAction, setFeaturedAction]} testId="certified-status">
        {items.length === 0 && (empty ?? <Notice>{t("certifiedEmpty")}</Notice>)}
        <ul className="grid gap-3 md:grid-cols-2">
          {items.map((p) => {
            const left = remaining(p, t);
            return (
              <Section key={p.id} as="li" className="space-y-2" testId="certified-item" data={{ "data-product": p.slug }}>
                <header className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">{named(p, locale)}</h3>
                  <span className="text-xs text-earth-600">{tl(`status.${p.listingStatus}`)}</span>
                </header>
                <p className="text-sm text-earth-600">
                  {named(p.cooperative, locale)} · {t(`coopStatus.${p.cooperative.status}`)}
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-earth-600">{t("certificateNumber")}</dt>
                  <dd className="font-mono break-all">{p.certificateNumber ?? "—"}</dd>
                  <dt className="text-earth-600">{t("validUntil")}</dt>
                  <dd>
                    {p.certificateValidUntil
                      ? t("validity", {
                          from: p.certificateValidFrom ? format.dateTime(p.certificateValidFrom, "day") : "—",
                          until: format.dateTime(p.certificateValidUntil, "day"),
                        })
                      : "—"}
                  </dd>
                </dl>
                <p className="flex flex-wrap gap-2 text-xs font-medium">
                  <span className={`rounded-full px-2 py-0.5 ${left.tone}`} data-testid="days-left">
                    {left.text}
                  </span>
                  <span className={`rounded-full px-2 py-0.5 ${p.sellable ? "bg-leaf-50 text-leaf-700" : "bg-earth-100 text-earth-900"}`} data-testid="sellable">
                    {p.sellable ? t("selling") : t("notSelling")}
                  </span>
                  {p.featured && <span className="rounded-full bg-wine-50 px-2 py-0.5 text-wine-700">{t("featured")}</span>}
                </p>
                <CertificationForm which={1} productId={p.id} submitLabel={p.featured ? t("unfeature") : t("feature")} variant="secondary" className="space-y-2" testId="featured-form">
                  <input type="hidden" name="featured" value={p.featured ? "false" : "true"} />
                </CertificationForm>
                <details className="rounded-lg border border-earth-100 p-2">
                  <summary className="cursor-pointer text-sm font-medium text-wine-700">{t("revokeTitle")}</summary>
                  <CertificationForm which={0} productId={p.id} submitLabel={t("revoke")} variant="danger" className="mt-2 space-y-2" testId="revoke-form">
                    <ReasonField label={t("reason")} />
                  </CertificationForm>
                </details>
              </Section>
            );
          })}
        </ul>
      </CertificationActions>
    </section>
  );
}
