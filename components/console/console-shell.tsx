import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Framed } from "@/components/layout/framed";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { ActionForm } from "@/components/ui/action-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";
import type { SessionUser } from "@/lib/server/authz";
import { ConsoleDrawer } from "./console-drawer";
import { ConsoleNavList, type ConsoleLink } from "./console-nav-list";
import { consoleNavItems, type ConsoleArea } from "./nav-items";

/**
 * The work layout of the admin and cooperative areas (a console, not a shop page): the area's name, its
 * navigation, who is signed in, sign-out and the language; a side bar from `md:` up, a drawer on a phone. The
 * layout that uses it has already checked the role.
 */
export async function ConsoleShell({
  area,
  areaName,
  user,
  month,
  children,
}: {
  area: ConsoleArea;
  areaName: string;
  user: Pick<SessionUser, "name" | "email">;
  /** This Beijing month (YYYY-MM): the cooperative's statement link opens it. */
  month: string;
  children: React.ReactNode;
}) {
  const [t, tNav] = await Promise.all([getTranslations("console"), getTranslations("nav")]);
  const items: ConsoleLink[] = consoleNavItems(area, month).map(({ key, ...item }) => ({ ...item, label: t(key as Parameters<typeof t>[0]) }));
  return (
    <div className="flex flex-1 flex-col md:flex-row">
      <ConsoleDrawer title={areaName} menuLabel={t("menu")} closeLabel={t("closeMenu")} panelId="console-nav">
        <p className="hidden px-5 pb-2 pt-5 text-sm font-semibold leading-snug text-wine-700 md:block">{areaName}</p>
        <nav aria-label={t("navLabel")} className="px-2 py-2 md:flex-1">
          <ConsoleNavList items={items} />
        </nav>
        <div className="space-y-3 border-t border-earth-100 px-5 py-4 text-sm">
          <p className="min-w-0">
            <span className="block text-xs text-earth-600">{t("signedInAs")}</span>
            <span className="block break-all font-medium" data-testid="console-user">
              {user.name ?? user.email}
            </span>
            {user.name && <span className="block break-all text-xs text-earth-600">{user.email}</span>}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <ActionForm
              action={signOutAction}
              submitLabel={tNav("signOut")}
              variant="secondary"
              className="[&_button]:whitespace-nowrap [&_button]:px-3 [&_button]:py-1.5 [&_button]:text-sm"
            />
            <LocaleSwitch />
          </div>
          <Link href="/" className="inline-block text-earth-600 underline-offset-2 hover:text-wine-700 hover:underline">
            {t("toShop")}
          </Link>
        </div>
      </ConsoleDrawer>
      <main id="main" className="w-full min-w-0 flex-1 px-4 py-5 md:px-8 md:py-8">
        <div className="mx-auto w-full max-w-5xl">
          {/* The consoles' client components read messages a shop page does not need (lib/i18n/messages.ts). */}
          <ClientMessages group="console">
            <Framed>{children}</Framed>
          </ClientMessages>
        </div>
      </main>
    </div>
  );
}
