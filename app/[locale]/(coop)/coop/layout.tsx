import { named } from "@/components/coop/dates";
import { ConsoleShell } from "@/components/console/console-shell";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

/**
 * The cooperative area, in the console: managers, and admins — who may open a cooperative's statements and
 * household income (the platform pays them; each read audited). Every page and action below checks its own role
 * and cooperative: the other pages stay managers' only (the authorization matrix proves it).
 */
export default async function CoopLayout({ children }: { children: React.ReactNode }) {
  const user = await guardPage({ kind: "role", roles: ["MANAGER", "ADMIN"] }, "/coop");
  const [t, locale, coops] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, { cooperativeIds: user.cooperativeIds })]);
  const names = coops.map((c) => named(c, locale)).join(locale === "en" ? ", " : "、");
  const [month = ""] = lastMonths(new Date(), 1);
  return (
    <ConsoleShell area="coop" areaName={names ? t("console.coopArea", { cooperative: names }) : t("console.coopAreaNone")} user={user} month={month}>
      {children}
    </ConsoleShell>
  );
}
