import { parseListQuery } from "@/lib/domain/list-query";
import { parseShareYear } from "@/lib/domain/reserved-share";
import { authorize, authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { organisationsProgress, PROGRESS_LIST } from "@/lib/server/orgs/progress-list";
import { organisationsProgressCsv } from "@/lib/server/reports-csv";

/** GET /admin/organizations/progress.csv?year=YYYY[&sort=…&dir=…]: every organisation's reserved share (admins). */
export async function GET(request: Request): Promise<Response> {
  try {
    await authorize({ kind: "role", roles: ["ADMIN"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const year = parseShareYear(params.year, new Date());
  const query = parseListQuery(params, PROGRESS_LIST);
  const [t, locale, rows] = await Promise.all([getT(), getLocale(), organisationsProgress(db, { year, sort: query.sort, dir: query.dir })]);
  return new Response(organisationsProgressCsv(rows, year, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="reserved-share-${year}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
