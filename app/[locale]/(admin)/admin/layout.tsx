import { ConsoleShell } from "@/components/console/console-shell";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

/** The admin area (县电商服务中心): admins only, in the console. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  const t = await getT();
  const [month = ""] = lastMonths(new Date(), 1);
  return (
    <ConsoleShell area="admin" areaName={t("console.adminArea")} user={user} month={month}>
      {children}
    </ConsoleShell>
  );
}
