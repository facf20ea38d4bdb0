// The admin's tools above the flags: the income line (set it and re-run), run the rules now, CSV by township.
import { named } from "@/components/coop/dates";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import type { Translate } from "@/lib/i18n/translate";
import { monitoringRunAction } from "@/lib/server/actions/admin/monitoring-run";
import { monitoringSetLineAction } from "@/lib/server/actions/admin/monitoring-set-line";

export function AdminMonitoringTools({
  t,
  locale,
  line,
  lastRun,
  townships,
}: {
  t: Translate;
  locale: string;
  line: { lineFen: number; isDefault: boolean };
  lastRun: Date | null;
  townships: { slug: string; nameZh: string; nameEn: string }[];
}) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Section title={t("monitoring.line.title")} testId="monitoring-line">
        <p className="mb-2 text-sm">
          {t("monitoring.line.current", { line: line.lineFen / 100 })}
          {line.isDefault && ` ${t("monitoring.line.default")}`}
        </p>
        <ActionForm action={monitoringSetLineAction} submitLabel={t("monitoring.line.submit")} variant="secondary">
          <Field name="lineYuan" label={t("monitoring.line.label")} hint={t("monitoring.line.hint")} inputMode="decimal" defaultValue={(line.lineFen / 100).toString()} />
        </ActionForm>
      </Section>
      <Section title={t("monitoring.run.title")} testId="monitoring-run">
        <p className="mb-2 text-sm">{lastRun ? t("monitoring.run.last", { at: lastRun }) : t("monitoring.run.never")}</p>
        <ActionForm action={monitoringRunAction} submitLabel={t("monitoring.run.submit")} variant="secondary" />
      </Section>
      <Section title={t("monitoring.csv.title")} testId="monitoring-csv">
        <ul className="space-y-1 text-sm">
          <li>
            <a className="underline" href="/admin/monitoring/flags.csv" download>
              {t("monitoring.csv.all")}
            </a>
          </li>
          {townships.map((tw) => (
            <li key={tw.slug}>
              <a className="underline" href={`/admin/monitoring/flags.csv?township=${encodeURIComponent(tw.slug)}`} download>
                {named(tw, locale)}
              </a>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
