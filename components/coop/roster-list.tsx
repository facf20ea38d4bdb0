// The roster as cards: one per participation, stacked on a phone, in rows on a wide screen. Names are masked
// (the list never receives a full name); the controls beside each card are the only way to read one.
import { getFormatter, getTranslations } from "next-intl/server";
import { BENEFIT_TYPES, HOUSEHOLD_STATUSES } from "@/lib/domain/roster";
import type { RosterEntry } from "@/lib/server/roster/list";
import { ChangeHousehold, EndHousehold, ShowName, type HouseholdControlLabels } from "./household-controls";

export async function householdControlLabels(): Promise<HouseholdControlLabels> {
  const t = await getTranslations("roster");
  return {
    showName: t("showName"),
    // The client fills these in: the name is not known when the page renders.
    shownName: t.raw("shownName") as string,
    shownId: t.raw("shownId") as string,
    noId: t("noId"),
    auditNote: t("auditNote"),
    change: t("changeTitle"),
    changeSubmit: t("changeSubmit"),
    keep: t("keep"),
    status: t("status"),
    benefitType: t("benefitType"),
    weight: t("weight"),
    landMu: t("landMu"),
    landMuHint: t("landMuHint"),
    endSubmit: t("endSubmit"),
    endHint: t("endHint"),
    statuses: HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    benefitTypes: BENEFIT_TYPES.map((b) => ({ value: b, label: t(`benefitTypes.${b}`) })),
  };
}

export async function RosterList({ entries, cooperativeId, locale, mode }: { entries: RosterEntry[]; cooperativeId: string; locale: string; mode: "manage" | "admin" }) {
  const [t, format, labels] = await Promise.all([getTranslations("roster"), getFormatter(), householdControlLabels()]);
  if (entries.length === 0) return <p className="rounded-xl bg-white px-4 py-3 text-sm shadow-sm">{t("empty")}</p>;
  const active = entries.filter((e) => e.active).length;
  return (
    <section aria-label={t("listLabel")} className="space-y-2">
      <p className="text-sm text-earth-600">{t("count", { active, ended: entries.length - active })}</p>
      <ul className="space-y-2" data-testid="roster-list">
        {entries.map((e) => (
          <li key={e.participationId} className={`rounded-2xl bg-white p-3 shadow-sm md:grid md:grid-cols-[1fr_16rem] md:gap-4 ${e.active ? "" : "opacity-75"}`} data-testid="roster-row" data-code={e.code} data-active={String(e.active)}>
            <div>
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-mono font-semibold">{e.code}</span>
                <span>{e.maskedName}</span>
                <span className="text-sm text-earth-600">{locale === "en" ? e.village.nameEn : e.village.nameZh}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs ${e.active ? "bg-leaf-50 text-leaf-700" : "bg-earth-100 text-earth-600"}`}>
                  {e.active ? t("active") : t("endedOn", { date: format.dateTime(e.endedAt ?? e.since, { dateStyle: "medium" }) })}
                </span>
              </p>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
                <div>
                  <dt className="text-earth-600">{t("status")}</dt>
                  <dd>{t(`statuses.${e.status}`)}</dd>
                </div>
                <div>
                  <dt className="text-earth-600">{t("memberCount")}</dt>
                  <dd className="tabular-nums">{e.memberCount}</dd>
                </div>
                <div>
                  <dt className="text-earth-600">{t("benefitType")}</dt>
                  <dd>{t(`benefitTypes.${e.benefitType}`)}</dd>
                </div>
                <div>
                  <dt className="text-earth-600">{t("landMu")}</dt>
                  <dd className="tabular-nums">{e.landMu ?? "—"}</dd>
                </div>
                <div>
                  <dt className="text-earth-600">{t("weight")}</dt>
                  <dd className="tabular-nums">{e.weight}</dd>
                </div>
                <div>
                  <dt className="text-earth-600">{t("since")}</dt>
                  <dd>{format.dateTime(e.since, { dateStyle: "medium" })}</dd>
                </div>
              </dl>
            </div>
            <div className="mt-3 space-y-2 md:mt-0">
              <ShowName cooperativeId={cooperativeId} participationId={e.participationId} admin={mode === "admin"} labels={labels} />
              {mode === "manage" && e.active && (
                <>
                  <ChangeHousehold cooperativeId={cooperativeId} participationId={e.participationId} labels={labels} current={{ weight: e.weight, landMu: e.landMu }} />
                  <EndHousehold cooperativeId={cooperativeId} participationId={e.participationId} labels={labels} />
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
