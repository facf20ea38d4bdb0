// The flagged households, one card each: code, village, cooperatives, statuses, the 12-month sparkline, why it
// was flagged, the history, and the forms (follow-up, keep/resolve, move to monitoring). Server-rendered; only
// the forms are client components. The same list serves admins and a cooperative's managers: the actions
// passed in decide whose rules apply, and `cooperativeId` goes with every manager's form.
import { named } from "@/components/coop/dates";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import type { FormAction } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import { explainFlag } from "@/lib/server/monitoring/explain";
import type { FlagList as FlagListData, FlagRow } from "@/lib/server/monitoring/list";
import { Sparkline } from "./sparkline";

export interface FlagActions {
  followUp: FormAction;
  decide: FormAction;
  mark: FormAction;
}

const statusTone = { OPEN: "bg-wine-50 text-wine-700", KEPT: "bg-earth-100 text-earth-700", RESOLVED: "bg-leaf-50 text-leaf-700" } as const;

function Hidden({ flagId, cooperativeId }: { flagId: string; cooperativeId?: string }) {
  return (
    <>
      <input type="hidden" name="flagId" value={flagId} />
      {cooperativeId && <input type="hidden" name="cooperativeId" value={cooperativeId} />}
    </>
  );
}

function FlagCard({ flag, t, locale, actions, cooperativeId }: { flag: FlagRow; t: Translate; locale: string; actions: FlagActions; cooperativeId?: string }) {
  const h = flag.household;
  const open = flag.status !== "RESOLVED";
  return (
    <Section as="li" testId="monitoring-flag" data={{ "data-rule": flag.rule, "data-household": h.code, "data-status": flag.status }}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            <span className="font-mono">{h.code}</span> · {t(`monitoring.ruleName.${flag.rule}`)} · {flag.periodKey}
          </h3>
          <p className="text-sm text-earth-600">
            {named(h.village, locale)}（{named(h.township, locale)}） · {h.cooperatives.map((c) => named(c, locale)).join("、") || "—"} · {t("monitoring.fields.members", { count: h.memberCount })}
          </p>
        </div>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusTone[flag.status]}`}>{t(`monitoring.status.${flag.status}`)}</span>
      </div>
      <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="text-earth-600">{t("monitoring.fields.why")}</dt>
        <dd>{explainFlag(t, flag.rule, flag.details)}</dd>
        <dt className="text-earth-600">{t("monitoring.fields.householdStatus")}</dt>
        <dd>{t(`monitoring.householdStatus.${h.status}`)}</dd>
        <dt className="text-earth-600">{t("monitoring.fields.series")}</dt>
        <dd>
          <Sparkline values={flag.series} t={t} />
        </dd>
        <dt className="sr-only">{t("monitoring.fields.flagStatus")}</dt>
        <dd className="text-xs text-earth-600 sm:col-span-2">
          {t("monitoring.fields.flaggedAt", { at: flag.createdAt })}
          {flag.resolvedAt && <> · {t("monitoring.fields.resolvedAt", { at: flag.resolvedAt })}</>}
        </dd>
      </dl>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">
          {t("monitoring.history")} ({flag.followUps.length})
        </summary>
        {flag.followUps.length === 0 ? (
          <p className="mt-2 text-sm text-earth-600">{t("monitoring.noHistory")}</p>
        ) : (
          <ol className="mt-2 space-y-1 text-sm">
            {flag.followUps.map((f) => (
              <li key={f.id}>
                <span className="font-medium">{t(`monitoring.kind.${f.kind}`)}</span> · {f.actor} · {t("monitoring.fields.at", { at: f.createdAt })}
                <p className="whitespace-pre-line text-earth-700">{f.note}</p>
              </li>
            ))}
          </ol>
        )}
      </details>
      {open && (
        // Closed until asked for: twenty cards with their forms open make a phone scroll for metres.
        <details className="mt-3 border-t border-earth-100 pt-3">
          <summary className="cursor-pointer text-sm font-medium text-wine-700">{t("monitoring.actOn")}</summary>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <ActionForm action={actions.followUp} submitLabel={t("monitoring.followUp.submit")} variant="secondary" testId="monitoring-follow-up">
              <Hidden flagId={flag.id} cooperativeId={cooperativeId} />
              <SelectField
                name="kind"
                label={t("monitoring.followUp.kind")}
                placeholder={t("monitoring.followUp.kindPlaceholder")}
                options={(["VISITED", "ACTION", "NOTE"] as const).map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) }))}
              />
              <Field name="note" label={t("monitoring.followUp.note")} maxLength={1000} />
            </ActionForm>
            <div className="space-y-3">
              <ActionForm action={actions.decide} submitLabel={t("monitoring.decide.resolve")} variant="secondary" testId="monitoring-resolve">
                <Hidden flagId={flag.id} cooperativeId={cooperativeId} />
                <input type="hidden" name="decision" value="RESOLVED" />
                <Field name="note" label={t("monitoring.decide.note")} maxLength={1000} />
              </ActionForm>
              {flag.status === "OPEN" && (
                <ActionForm action={actions.decide} submitLabel={t("monitoring.decide.keep")} variant="secondary" testId="monitoring-keep">
                  <Hidden flagId={flag.id} cooperativeId={cooperativeId} />
                  <input type="hidden" name="decision" value="KEPT" />
                </ActionForm>
              )}
              {h.status !== "MONITORED" && (
                <ActionForm action={actions.mark} submitLabel={t("monitoring.markMonitored")} variant="danger" testId="monitoring-mark">
                  <Hidden flagId={flag.id} cooperativeId={cooperativeId} />
                </ActionForm>
              )}
            </div>
          </div>
        </details>
      )}
    </Section>
  );
}

export function FlagList({ list, t, locale, actions, cooperativeId, empty }: { list: FlagListData; t: Translate; locale: string; actions: FlagActions; cooperativeId?: string; empty: string }) {
  return (
    <section aria-labelledby="monitoring-flags" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="monitoring-flags" className="text-lg font-semibold">
          {t("monitoring.flagsTitle")}
        </h2>
        <p className="text-sm text-earth-600">{t("monitoring.counts", { open: list.counts.OPEN, kept: list.counts.KEPT, resolved: list.counts.RESOLVED })}</p>
      </div>
      {list.flags.length === 0 ? (
        <p className="rounded-2xl bg-white p-4 text-sm text-earth-600 shadow-sm" data-testid="monitoring-empty">
          {empty}
        </p>
      ) : (
        <ul className="space-y-3">
          {list.flags.map((f) => (
            <FlagCard key={f.id} flag={f} t={t} locale={locale} actions={actions} cooperativeId={cooperativeId} />
          ))}
        </ul>
      )}
      {list.truncated && <p className="text-sm text-earth-600">{t("monitoring.truncated", { count: list.flags.length })}</p>}
    </section>
  );
}

export function RulesExplained({ t, lineFen }: { t: Translate; lineFen: number }) {
  return (
    <Section title={t("monitoring.rulesTitle")} testId="monitoring-rules">
      <p className="text-sm text-earth-700">{t("monitoring.rulesIntro")}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
        <li>{t("monitoring.rules.NO_INCOME_3M")}</li>
        <li>{t("monitoring.rules.QUARTER_DROP")}</li>
        <li>{t("monitoring.rules.BELOW_LINE", { line: lineFen / 100 })}</li>
      </ol>
      <p className="mt-2 text-sm text-earth-600">{t("monitoring.rulesNote")}</p>
    </Section>
  );
}
