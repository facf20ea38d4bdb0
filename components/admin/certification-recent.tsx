import { useFormatter, useLocale, useTranslations } from "next-intl";
import { named } from "@/components/coop/dates";
import type { Column } from "@/components/ui/data-table";
import type { RecentDecision } from "@/lib/server/queries/certifications";
import { RecentTable, whenByColumn } from "./recent-table";

const tone: Record<RecentDecision["action"], string> = {
  "product.certified": "bg-leaf-50 text-leaf-700",
  "product.certification-rejected": "bg-earth-100 text-earth-900",
  "product.certificate-revoked": "bg-wine-50 text-wine-700",
  "product.certificate-expired": "bg-wine-50 text-wine-700",
};

/** The latest certification decisions (from the audit log): which product, what, why, when and by whom. */
export function RecentCertificationDecisions({ decisions }: { decisions: RecentDecision[] }) {
  const t = useTranslations("certification");
  const format = useFormatter();
  const locale = useLocale();
  const columns: Column<RecentDecision>[] = [
    { key: "product", header: t("recentProduct"), cell: (d) => (d.product ? named(d.product, locale) : "—") },
    {
      key: "decision",
      header: t("recentDecision"),
      cell: (d) => (
        <>
          <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone[d.action]}`}>{t(`decision.${d.action}`)}</span>
          {d.certificateNumber && d.action === "product.certified" && <span className="block font-mono text-xs break-all">{d.certificateNumber}</span>}
          {d.reason && <span className="block text-xs text-earth-600 whitespace-pre-line">{d.reason}</span>}
        </>
      ),
    },
    whenByColumn<RecentDecision>({ key: "at", whenLabel: t("recentAt"), byLabel: t("recentBy"), when: (d) => d.at, by: (d) => d.by ?? t("system"), format }),
  ];
  return (
    <RecentTable
      id="recent-certifications"
      title={t("recentTitle")}
      empty={t("recentEmpty")}
      caption={t("recentCaption", { count: decisions.length })}
      columns={columns}
      rows={decisions}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ "data-testid": "recent-decision", "data-action": d.action })}
      minWidth="20rem"
      testId="recent-certifications"
    />
  );
}
