// The audit log as a table (sortable by when, actor and action): when (Beijing time), who, what, on which row, and the metadata in one short line.
import { getFormatter, getTranslations } from "next-intl/server";
import { type SortContext, sortable } from "@/components/console/sort-header";
import { DataTable } from "@/components/ui/data-table";
import { type AuditSort, compactMetadata, type listAuditLog } from "@/lib/server/people/audit-log";

type Row = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];

export async function AuditTable({ rows, sort }: { rows: Row[]; sort: SortContext<AuditSort> }) {
  const [t, format] = await Promise.all([getTranslations("people.audit"), getFormatter()]);
  return (
    <DataTable
      label={t("title")}
      testId="audit-log"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-action": r.action })}
      minWidth="48rem"
      columns={[
        { key: "when", ...sortable(sort, "created", t("when")), cell: (r) => <span className="whitespace-nowrap">{format.dateTime(r.createdAt, "dateTime")}</span> },
        { key: "actor", ...sortable(sort, "actor", t("actor")), cell: (r) => <span className="break-all">{r.actor?.email ?? t("system")}</span> },
        { key: "action", ...sortable(sort, "action", t("action")), cell: (r) => <code className="text-xs">{r.action}</code> },
        { key: "entity", header: t("entity"), cell: (r) => <span className="text-xs">{r.entityId ? `${r.entityType} ${r.entityId}` : r.entityType}</span> },
        {
          key: "details",
          header: t("details"),
          cell: (r) => {
            const full = r.metadata === null ? "" : JSON.stringify(r.metadata);
            return (
              <span className="block max-w-xs truncate text-xs text-earth-600" title={full}>
                {compactMetadata(r.metadata)}
              </span>
            );
          },
        },
      ]}
    />
  );
}
