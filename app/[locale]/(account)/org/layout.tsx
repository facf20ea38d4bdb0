import Link from "next/link";
import { getSessionUser } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { orgNavItems } from "@/lib/domain/org-nav";

/**
 * The organisation area (/org): its name and the links its member's roles open. Each page guards itself with its
 * own roles (lib/server/orgs/guard.ts); the invitation page below it is for a signed-in person not yet a member,
 * so this layout only draws the navigation when there is a membership.
 */
export default async function OrgLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  const own = user?.organisation;
  if (!own) return children;
  const [t, organisation] = await Promise.all([getT(), db.organisation.findUnique({ where: { id: own.id }, select: { name: true } })]);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <p className="text-sm text-earth-600" data-testid="org-name">
          {t("org.area.for", { name: organisation?.name ?? "" })}
        </p>
        <nav aria-label={t("org.area.nav")} className="flex flex-wrap gap-2 text-sm font-medium">
          {orgNavItems(own.roles).map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
              {t(`org.area.links.${item.key}`)}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
