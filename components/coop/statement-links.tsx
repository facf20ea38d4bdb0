import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { beijingMonth } from "./dates";

/** Links to a cooperative's monthly statements, in the order given. */
export function StatementLinks({ cooperativeId, months }: { cooperativeId: string; months: string[] }) {
  const t = useTranslations("coopIncome");
  const format = useFormatter();
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t("statements")}</h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {months.map((m) => (
          <li key={m}>
            {/* No prefetch: a statement shows household names, and only a real visit is audited as a read. */}
            <Link href={`/coop/statements/${m}?cooperative=${cooperativeId}`} prefetch={false} className="block rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
              {format.dateTime(beijingMonth(m), "month")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
