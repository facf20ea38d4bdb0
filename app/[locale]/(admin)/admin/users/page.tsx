import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { UsersTable } from "@/components/people/users-table";
import { PageHeader } from "@/components/ui/section";
import { listHref, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { listUsers, parseUserListQuery, USER_LIST } from "@/lib/server/people/users";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.users");
  return { title: t("title"), robots: { index: false } };
}

/** Every account, searched by email, sorted and paged in the database (admins only). */
export default async function AdminUsersPage({ searchParams }: Props) {
  const admin = await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/users");
  const query = parseUserListQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("people.users"), listUsers(db, query)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" action="/admin/users" role="search" className="flex flex-wrap items-end gap-2">
        <label className="grow text-sm font-medium">
          {t("search")}
          <input name="q" type="search" defaultValue={query.q} inputMode="email" className="mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base" />
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
          {t("searchButton")}
        </button>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState message={t("emptyNone")} next={{ href: "/admin/cooperatives", label: t("emptyNext") }} clearHref={query.q ? "/admin/users" : undefined} firstPageHref={query.page > 1 ? listHref("/admin/users", { q: query.q, ...sortParams(USER_LIST, query) }) : undefined} />
      ) : (
        <>
          <UsersTable rows={list.rows} query={query} selfId={admin.id} />
          <Pager path="/admin/users" params={{ q: query.q, ...sortParams(USER_LIST, query) }} page={query.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
