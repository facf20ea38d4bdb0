import { orgPageRoles } from "@/lib/domain/org-nav";
import { parseStatementYear } from "@/lib/domain/reserved-share";
import { authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { authorizeOrganisationRead } from "@/lib/server/orgs/guard";
import { yearStatement } from "@/lib/server/orgs/reserved-share";
import { organisationStatementCsv } from "@/lib/server/reports-csv";

type Context = { params: Promise<{ year: string }> };

/** GET /org/statements/YYYY/statement.csv[?organisation=<id>]: the year-end statement (finance, org admins, county admins). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  let organisationId: string;
  try {
    ({ organisationId } = await authorizeOrganisationRead(new URL(request.url).searchParams.get("organisation"), orgPageRoles("statements")));
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, { year: raw }] = await Promise.all([getT(), params]);
  const year = parseStatementYear(raw);
  if (year === null) return new Response(`${t("org.statement.badYear")}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const statement = await yearStatement(db, { organisationId }, year);
  if (!statement) return new Response(null, { status: 404 });
  return new Response(organisationStatementCsv(statement, t), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="reserved-share-${statement.organisation.creditCode}-${year}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
