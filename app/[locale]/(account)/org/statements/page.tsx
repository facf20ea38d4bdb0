import { redirect } from "next/navigation";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { beijingMonthOf } from "@/lib/domain/reserved-share";
import { guardOrgPage } from "@/lib/server/orgs/guard";

/** The statements' link: this Beijing year's statement. */
export default async function OrgStatementsPage() {
  await guardOrgPage(orgPageRoles("statements"), "/org/statements");
  redirect(`/org/statements/${beijingMonthOf(new Date()).year}`);
}
