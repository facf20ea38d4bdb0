// The admin's administration of each cooperative: its status with the changes that apply (certify, suspend,
// reinstate), its managers with a remove button each, pending invites, and the invite form. One page of them: the
// page draws the sort links, the pager and the empty state.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { formatMoney } from "@/lib/i18n/format";
import { cooperativeStatusAction } from "@/lib/server/actions/admin/cooperative-status";
import { managerInviteAction } from "@/lib/server/actions/admin/manager-invite";
import { managerRemoveAction } from "@/lib/server/actions/admin/manager-remove";
import type { CooperativeAdminRow as Row } from "@/lib/server/people/queries";

const CHANGES = { PENDING: ["certify", "suspend"], CERTIFIED: ["suspend"], SUSPENDED: ["reinstate"] } as const;

const badge = { PENDING: "bg-earth-100 text-earth-900", CERTIFIED: "bg-leaf-50 text-leaf-700", SUSPENDED: "bg-wine-50 text-wine-700" } as const;

export async function CooperativeAdmin({ rows }: { rows: Row[] }) {
  const [t, ts, locale, format] = await Promise.all([getTranslations("people.coops"), getTranslations("roster.admin.statuses"), getLocale(), getFormatter()]);
  const named = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return (
    <ul className="space-y-3" data-testid="cooperative-admin">
      {rows.map((c) => (
        <Section key={c.id} as="li" testId="cooperative-admin-row" data={{ "data-slug": c.slug, "data-status": c.status }}>
          <div id={`coop-${c.id}`} className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">
              {named(c)} <span className="text-sm font-normal text-earth-600">· {named(c.village)}</span>
            </h3>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${badge[c.status]}`}>{ts(c.status)}</span>
          </div>
          <p className="mt-1 text-sm text-earth-600">
            {t("shipping", { fee: formatMoney(format, c.shippingFeeFen), min: formatMoney(format, c.freeShippingMinFen) })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            {CHANGES[c.status].map((change) => (
              <ActionForm key={change} action={cooperativeStatusAction} submitLabel={t(change)} variant={change === "suspend" ? "danger" : "secondary"} className="space-y-2" testId={`coop-${change}`}>
                <input type="hidden" name="cooperativeId" value={c.id} />
                <input type="hidden" name="change" value={change} />
              </ActionForm>
            ))}
          </div>
          <h4 className="mt-4 text-sm font-semibold">{t("managers")}</h4>
          {c.managers.length === 0 ? (
            <p className="text-sm text-earth-600">{t("noManagers")}</p>
          ) : (
            <ul className="mt-1 space-y-2">
              {c.managers.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>
                    {m.name ?? "—"} · {m.email}
                  </span>
                  <ActionForm action={managerRemoveAction} submitLabel={t("remove")} variant="danger" className="flex items-center gap-2" testId="manager-remove">
                    <input type="hidden" name="cooperativeId" value={c.id} />
                    <input type="hidden" name="userId" value={m.id} />
                    <span className="sr-only">{t("removeLabel", { email: m.email })}</span>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          {c.pendingInvites > 0 && <p className="mt-2 text-sm text-earth-600">{t("pendingInvites", { count: c.pendingInvites })}</p>}
          <ActionForm action={managerInviteAction} submitLabel={t("invite")} variant="secondary" className="mt-3 space-y-2" testId="manager-invite">
            <input type="hidden" name="cooperativeId" value={c.id} />
            <Field name="email" label={t("inviteEmail")} type="email" inputMode="email" autoComplete="off" required />
          </ActionForm>
        </Section>
      ))}
    </ul>
  );
}
