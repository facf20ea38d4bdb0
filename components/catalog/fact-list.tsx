export interface Fact {
  key: string;
  label: React.ReactNode;
  value: React.ReactNode;
}

/**
 * Label and value pairs ("产地 · 南洪城村") in two columns, so no language needs a colon from code.
 * `stacked`: on a phone each label sits above its value (long English labels would squeeze the values).
 */
export function FactList({ facts, stacked = false, className }: { facts: Fact[]; stacked?: boolean; className?: string }) {
  const grid = stacked ? "grid-cols-1 max-sm:[&>div:not(:last-child)>dd]:mb-3 sm:grid-cols-[auto_1fr] sm:gap-y-2" : "grid-cols-[auto_1fr] gap-y-1";
  return (
    <dl className={`grid gap-x-4 text-sm ${grid} ${className ?? ""}`}>
      {facts.map((f) => (
        <div key={f.key} className="contents">
          <dt className="text-earth-600">{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
