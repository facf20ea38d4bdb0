// The admins' list of accounts: sortable headers (links: the sort happens in the database), role, cooperatives,
// created, last sign-in, and a disable / enable button per account.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { type SortContext, sortable } from "@/components/console/sort-header";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { userDisableAction } from "@/lib/server/actions/admin/user-disable";
import { type listUsers, USER_LIST, type UserListQuery, type UserSort } from "@/lib/server/people/users";

type Row = Awaited<ReturnType<typeof listUsers>>["rows"][number];

export async function UsersTable({ rows, query, selfId }: { rows: Row[]; query: UserListQuery; selfId: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("people.users"), getLocale(), getFormatter()]);
  const ctx: SortContext<UserSort> = { path: "/admin/users", params: { q: query.q }, spec: USER_LIST, query };
  return (
    <DataTable
      label={t("title")}
      testId="admin-users"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-email": r.email, "data-disabled": r.disabledAt ? "1" : "0" })}
      minWidth="48rem"
      columns={[
        { key: "email", ...sortable(ctx, "email", t("email")), cell: (r) => <span className="break-all">{r.email}</span> },
        { key: "name", header: t("name"), cell: (r) => r.name ?? "—" },
        { key: "role", header: t("role"), cell: (r) => t(`roles.${r.role}`) },
        { key: "coops", header: t("cooperatives"), cell: (r) => (r.cooperatives.length ? r.cooperatives.map((c) => (locale === "en" ? c.nameEn : c.nameZh)).join("、") : "—") },
        { key: "created", ...sortable(ctx, "created", t("created")), cell: (r) => format.dateTime(r.createdAt, "dayShort") },
        { key: "lastSignIn", ...sortable(ctx, "lastSignIn", t("lastSignIn")), cell: (r) => (r.lastSignInAt ? format.dateTime(r.lastSignInAt, "dateTime") : t("never")) },
        {
          key: "state",
          header: t("state"),
          cell: (r) => (
            <div className="flex flex-wrap items-center gap-2">
              <span className={r.disabledAt ? "text-wine-700" : "text-leaf-700"}>{r.disabledAt ? t("disabled") : t("active")}</span>
              {r.id !== selfId && (
                <ActionForm action={userDisableAction} submitLabel={r.disabledAt ? t("enable") : t("disable")} variant={r.disabledAt ? "secondary" : "danger"} className="space-y-1" testId="user-disable">
                  <input type="hidden" name="userId" value={r.id} />
                  <input type="hidden" name="change" value={r.disabledAt ? "enable" : "disable"} />
                </ActionForm>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
