import { parseMonth, statementCsvFileName } from "@/lib/domain/reports";
import { authzResponse } from "@/lib/server/authz";
import { auditHouseholdRead, authorizeCooperative } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { settlementStatement } from "@/lib/server/queries/reports";
import { statementCsv } from "@/lib/server/reports-csv";

type Context = { params: Promise<{ month: string }> };

/** GET /coop/statements/YYYY-MM/statement.csv?cooperative=<id>: the month's settlement statement (its managers). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  let allowed: Awaited<ReturnType<typeof authorizeCooperative>>;
  try {
    allowed = await authorizeCooperative(new URL(request.url).searchParams.get("cooperative"), { admins: true });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, locale, { month: raw }] = await Promise.all([getT(), getLocale(), params]);
  const month = parseMonth(raw);
  if (!month) return new Response(`${t("coopIncome.badMonth")}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { user, scope } = allowed;
  const statement = await settlementStatement(db, { ...scope, month });
  if (!statement) return new Response(null, { status: 404 });
  // The file carries household names: one audit row per download.
  await auditHouseholdRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, what: `statement ${month.month} (csv)` });
  return new Response(statementCsv(statement, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${statementCsvFileName(statement.cooperative.slug, month.month)}"`,
      "cache-control": "private, no-store",
    },
  });
}
