import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CooperativeForm } from "@/components/people/cooperative-form";
import { PageHeader, Section } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { cooperativeFormChoices } from "@/lib/server/people/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.form");
  return { title: t("title"), robots: { index: false } };
}

/** An admin creates a cooperative (pending until certified). */
export default async function NewCooperativePage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/cooperatives/new");
  const [t, choices] = await Promise.all([getTranslations("people.form"), cooperativeFormChoices(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t("lead")} />
      <Section>
        <CooperativeForm choices={choices} />
      </Section>
    </div>
  );
}
