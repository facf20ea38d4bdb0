// The page's building blocks, so every page draws its cards and headings the same way.

/** A white card with a heading (optional): one block of a page. */
export function Section({
  title,
  action,
  children,
  className,
  testId,
  data,
  as: Tag = "section",
}: {
  title?: React.ReactNode;
  /** A link or button shown at the heading's end. */
  action?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  testId?: string;
  /** More data-* attributes (for tests), after data-testid. */
  data?: Record<`data-${string}`, string | number>;
  as?: "section" | "div" | "li" | "article";
}) {
  return (
    <Tag className={`rounded-2xl bg-white p-4 shadow-sm ${className ?? ""}`} data-testid={testId} {...data}>
      {(title || action) && (
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          {title && <h2 className="text-lg font-semibold">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </Tag>
  );
}

/** A page's heading with an optional line under it. */
export function PageHeader({ title, subtitle, lead, action }: { title: React.ReactNode; subtitle?: React.ReactNode; lead?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <header className="space-y-1">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {title}
          {subtitle && <span className="block text-base font-medium text-earth-600">{subtitle}</span>}
        </h1>
        {action}
      </div>
      {lead && <p className="text-sm text-earth-600">{lead}</p>}
    </header>
  );
}

/** A short notice: what is empty, what went well, what needs attention. */
export function Notice({ tone = "neutral", children, role }: { tone?: "neutral" | "good" | "bad"; children: React.ReactNode; role?: "status" | "alert" }) {
  const colors = { neutral: "bg-white text-earth-900 shadow-sm", good: "bg-leaf-50 text-leaf-700", bad: "bg-wine-50 text-wine-700" }[tone];
  return (
    <p role={role} className={`rounded-xl px-4 py-3 text-sm ${colors}`}>
      {children}
    </p>
  );
}
