import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { named } from "@/components/coop/dates";
import { RosterUploadForm } from "@/components/coop/roster-import-form";
import { RosterPreview } from "@/components/coop/roster-preview";
import { PageHeader, Section } from "@/components/ui/section";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/domain/roster";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { getRosterImport } from "@/lib/server/roster/import";

type Props = { searchParams: Promise<{ c?: string | string[]; cooperative?: string | string[]; id?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster.import");
  return { title: t("title"), robots: { index: false } };
}

/** Upload a roster file, see its preview (?id=), commit it. */
export default async function RosterImportPage({ searchParams }: Props) {
  const { c, cooperative, id } = await searchParams;
  const { scope } = await guardCooperativePage(c ?? cooperative, "/coop/households/import");
  const importId = Array.isArray(id) ? id[0] : id;
  const [t, locale, coops, preview] = await Promise.all([
    getTranslations("roster.import"),
    getLocale(),
    listManagedCooperatives(db, scope),
    // Only this cooperative's previews: another's id is a 404.
    importId ? getRosterImport(db, { cooperativeId: scope.cooperativeId, importId }) : null,
  ]);
  if (importId && !preview) notFound();
  const current = coops.find((x) => x.id === scope.cooperativeId);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={current && named(current, locale)}
        lead={t("lead")}
        action={
          <Link href={`/coop/households?c=${encodeURIComponent(scope.cooperativeId)}`} className="text-sm underline">
            {t("back")}
          </Link>
        }
      />
      {preview && <RosterPreview preview={preview} cooperativeId={scope.cooperativeId} />}
      <Section>
        <p className="mb-3 text-sm text-earth-600">{t("columns")}</p>
        <RosterUploadForm
          cooperativeId={scope.cooperativeId}
          labels={{ file: t("file"), hint: t("limits", { rows: IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024 }), submit: t("previewSubmit") }}
        />
      </Section>
    </div>
  );
}
