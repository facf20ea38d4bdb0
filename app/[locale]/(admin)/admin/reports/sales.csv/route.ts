import { parseReportParams, salesCsvFileName } from "@/lib/domain/reports";
import { authorize, authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { salesReport } from "@/lib/server/queries/reports";
import { salesCsv } from "@/lib/server/reports-csv";

/** GET /admin/reports/sales.csv?by=village|cooperative|category|month&from=YYYY-MM-DD&to=YYYY-MM-DD (admins). */
export async function GET(request: Request): Promise<Response> {
  try {
    await authorize({ kind: "role", roles: ["ADMIN"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const parsed = parseReportParams(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!parsed.ok) return new Response(`${t(`reports.errors.${parsed.error}`)}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const query = { by: parsed.by, ...parsed.range };
  return new Response(salesCsv(await salesReport(db, query), parsed.by, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${salesCsvFileName(query)}"`,
      "cache-control": "private, no-store",
    },
  });
}
