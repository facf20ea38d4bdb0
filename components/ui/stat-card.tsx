/** One figure with its label, e.g. "本月销售额 ¥12,345.00"; a grid of them heads a dashboard. */
export function StatCard({ label, value, hint, testId }: { label: React.ReactNode; value: React.ReactNode; hint?: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-2xl bg-white p-4 shadow-sm" data-testid={testId}>
      <p className="text-sm text-earth-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
      {hint && <p className="mt-1 text-xs text-earth-600">{hint}</p>}
    </div>
  );
}

export function StatGrid({ children }: { children: React.ReactNode }) {
  return <div className="grid grid-cols-2 gap-3 md:grid-cols-4">{children}</div>;
}
