// A table that works on a phone: it scrolls sideways inside its card (keyboard-focusable, labelled), the first
// column stays put, numbers line up on the right. Columns describe themselves; rows are plain objects.

export interface Column<Row> {
  key: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Numbers and money: right-aligned, tabular figures. */
  numeric?: boolean;
  className?: string;
  /** The column the rows are sorted by (aria-sort on its header); absent on the others. */
  ariaSort?: "ascending" | "descending";
}

export function DataTable<Row>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  rowProps,
  footer,
  minWidth = "36rem",
  testId,
}: {
  /** The accessible name of the scrolling region. */
  label: string;
  caption?: React.ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Extra attributes per row (data-testid and data-* for tests). */
  rowProps?: (row: Row) => Record<string, string | number | undefined>;
  /** A totals row: one cell per column, in order. */
  footer?: React.ReactNode[];
  minWidth?: string;
  testId?: string;
}) {
  const align = (c: Column<Row>) => (c.numeric ? "text-right tabular-nums" : "text-left");
  // The column that stays put: on a phone it may take no more than ~half the screen (a long name wraps), so the
  // others have room beside it; a short one keeps enough width not to break every few characters. (A table cell
  // ignores max-width, so its content carries it.)
  const first = (content: React.ReactNode) => <div className="min-w-[6rem] max-w-[10.5rem] sm:max-w-none">{content}</div>;
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-sm" style={{ minWidth }} data-testid={testId}>
        {caption && <caption className="p-3 text-left text-earth-600">{caption}</caption>}
        <thead className="bg-earth-100">
          <tr>
            {columns.map((c, i) => (
              <th key={c.key} scope="col" aria-sort={c.ariaSort} className={`p-2 ${align(c)} ${i === 0 ? "sticky left-0 bg-earth-100" : "whitespace-nowrap"} ${c.className ?? ""}`}>
                {i === 0 ? first(c.header) : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-earth-100" {...rowProps?.(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className={`sticky left-0 bg-white p-2 text-left font-medium ${c.className ?? ""}`}>
                    {first(c.cell(row))}
                  </th>
                ) : (
                  <td key={c.key} className={`p-2 ${align(c)} ${c.className ?? ""}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
          {footer && (
            <tr className="border-t-2 border-earth-600/30 font-semibold">
              {footer.map((cell, i) => {
                const c = columns[i];
                return i === 0 ? (
                  <th key={i} scope="row" className="sticky left-0 bg-white p-2 text-left">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`p-2 ${c ? align(c) : ""}`}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
