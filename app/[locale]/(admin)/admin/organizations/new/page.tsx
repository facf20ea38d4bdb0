import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationForm } from "@/components/org/organisation-forms";
import { PageHeader, Section } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.admin.new"), robots: { index: false } };
}

/** An admin registers an organisation; its page then invites its first organisation admin. */
export default async function NewOrganisationPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/organizations/new");
  const t = await getT();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={t("org.admin.new")}
        lead={t("org.admin.newLead")}
        action={
          <Link href="/admin/organizations" className="text-sm underline">
            {t("org.admin.back")}
          </Link>
        }
      />
      <Section>
        <OrganisationForm />
      </Section>
    </div>
  );
}
