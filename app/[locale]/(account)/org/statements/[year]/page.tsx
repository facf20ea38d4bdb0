import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgStatement } from "@/components/org/statement";
import { YearPicker } from "@/components/org/year-picker";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { parseStatementYear } from "@/lib/domain/reserved-share";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrganisationRead } from "@/lib/server/orgs/guard";
import { yearStatement } from "@/lib/server/orgs/reserved-share";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<{ organisation?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, { year }] = await Promise.all([getT(), params]);
  return { title: t("org.statement.title", { year }), robots: { index: false } };
}

/**
 * The year-end statement of the reserved share, printable and as CSV: the organisation's finance and admins, and
 * county admins (`?organisation=<id>`). A year that is not one is "not found".
 */
export default async function OrgStatementPage({ params, searchParams }: Props) {
  const [{ year: raw }, query] = await Promise.all([params, searchParams]);
  const { organisationId } = await guardOrganisationRead(query.organisation, orgPageRoles("statements"), `/org/statements/${raw}`);
  const year = parseStatementYear(raw);
  if (year === null) notFound();
  const statement = await yearStatement(db, { organisationId }, year);
  if (!statement) notFound();
  const suffix = query.organisation ? `?organisation=${encodeURIComponent(organisationId)}` : "";
  return <OrgStatement statement={statement} csvHref={`/org/statements/${year}/statement.csv${suffix}`} years={<YearPicker year={year} href={(y) => `/org/statements/${y}${suffix}`} />} />;
}
