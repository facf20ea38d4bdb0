// A stored import preview: what committing would do, and the first problems by line (names masked).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Notice, Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { PreviewSummary } from "@/lib/server/roster/import";
import { problemText } from "@/lib/server/roster/messages";
import { RosterCommitForm } from "./roster-import-form";

const COUNTS = ["rows", "newHouseholds", "newParticipations", "updated", "unchanged", "errors"] as const;

export async function RosterPreview({ preview, cooperativeId }: { preview: PreviewSummary; cooperativeId: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("roster.import"), getFormatter(), getLocale()]);
  return (
    <Section title={t("previewTitle", { file: preview.fileName })} testId="roster-preview" data={{ "data-valid": String(preview.valid) }}>
      <div className="space-y-4">
        <StatGrid>
          {COUNTS.map((k) => (
            <StatCard key={k} label={t(`counts.${k}`)} value={preview.counts[k]} testId={`roster-count-${k}`} />
          ))}
        </StatGrid>
        {preview.firstProblems.length > 0 && (
          <div>
            <h3 className="mb-2 font-semibold">{t("problemsTitle", { count: preview.firstProblems.length })}</h3>
            <ol className="space-y-1 text-sm" data-testid="roster-problems">
              {preview.firstProblems.map((p) => (
                <li key={p.line} className="rounded-md bg-wine-50 px-3 py-2 text-wine-700">
                  <span className="font-medium">{t("line", { line: p.line })}</span> <span className="font-mono">{p.code}</span> {p.maskedName}
                  {": "}
                  {p.problems.map((x) => problemText(locale, x)).join(" ")}
                </li>
              ))}
            </ol>
          </div>
        )}
        {preview.committedAt ? (
          <Notice tone="good" role="status">
            {t("committedAt", { date: format.dateTime(preview.committedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </Notice>
        ) : preview.valid && preview.importId ? (
          <RosterCommitForm cooperativeId={cooperativeId} importId={preview.importId} label={t("commitSubmit")} />
        ) : (
          <Notice tone="bad" role="alert">
            {t("fixFirst")}
          </Notice>
        )}
      </div>
    </Section>
  );
}
