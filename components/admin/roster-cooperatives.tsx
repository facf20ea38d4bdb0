// The admin's list of cooperatives: status, village, managers, active households, and a link to each roster.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { cooperativesOverview } from "@/lib/server/roster/list";

type Row = Awaited<ReturnType<typeof cooperativesOverview>>[number];

export async function RosterCooperatives({ rows }: { rows: Row[] }) {
  const [t, locale] = await Promise.all([getTranslations("roster.admin"), getLocale()]);
  const named = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return (
    <DataTable
      label={t("title")}
      testId="admin-cooperatives"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-slug": r.slug })}
      columns={[
        {
          key: "name",
          header: t("cooperative"),
          cell: (r) => (
            // No prefetch: opening a roster is an admin's read of household data.
            <Link href={`/admin/cooperatives/${r.id}`} prefetch={false} className="underline">
              {named(r)}
            </Link>
          ),
        },
        { key: "status", header: t("status"), cell: (r) => t(`statuses.${r.status}`) },
        { key: "village", header: t("village"), cell: (r) => named(r.village) },
        { key: "managers", header: t("managers"), cell: (r) => r.managers, numeric: true },
        { key: "households", header: t("activeHouseholds"), cell: (r) => r.activeHouseholds, numeric: true },
      ]}
    />
  );
}
