// What admins did most recently (transfers confirmed, refunds decided), below the list of what is still to do:
// a titled table, or a notice while there is nothing yet. When and by whom share one cell, so the table fits a
// phone without scrolling sideways.
import type { useFormatter } from "next-intl";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/section";

export function RecentTable<Row>({
  id,
  title,
  empty,
  caption,
  columns,
  rows,
  rowKey,
  rowProps,
  minWidth,
  testId,
}: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowProps?: (row: Row) => Record<string, string | number | undefined>;
  minWidth?: string;
  testId?: string;
}) {
  return (
    <section className="space-y-2" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <Notice>{empty}</Notice>
      ) : (
        <DataTable label={title} caption={caption} columns={columns} rows={rows} rowKey={rowKey} rowProps={rowProps} minWidth={minWidth} testId={testId} />
      )}
    </section>
  );
}

/**
 * The "when, and by whom" column: the time in Beijing (the formatter's "dateTime"), the admin's name below it. On a
 * narrow phone the time wraps between its words, never inside one (break-keep, for Chinese too).
 */
export function whenByColumn<Row>({
  key,
  whenLabel,
  byLabel,
  when,
  by,
  format,
}: {
  key: string;
  whenLabel: string;
  byLabel: string;
  when: (row: Row) => Date | null;
  by: (row: Row) => string | null;
  format: ReturnType<typeof useFormatter>;
}): Column<Row> {
  return {
    key,
    header: (
      <>
        {whenLabel}
        <span className="block text-xs font-normal text-earth-600">{byLabel}</span>
      </>
    ),
    cell: (row) => {
      const at = when(row);
      return (
        <>
          <span className="block break-keep text-balance">{at ? format.dateTime(at, "dateTime") : "—"}</span>
          <span className="block break-all text-xs text-earth-600">{by(row) ?? "—"}</span>
        </>
      );
    },
  };
}
