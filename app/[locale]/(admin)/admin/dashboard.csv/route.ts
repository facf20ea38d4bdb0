import { parsePeriod } from "@/lib/domain/period";
import { authorize, authzResponse } from "@/lib/server/authz";
import { chartCsv, chartCsvFileName } from "@/lib/server/dashboard/csv";
import { dashboard } from "@/lib/server/dashboard/data";
import { CHART_KEYS, chartTables } from "@/lib/server/dashboard/tables";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** GET /admin/dashboard.csv?chart=month|village|category|benefit|products|cooperatives&from=&to= (admins): one chart's numbers. */
export async function GET(request: Request): Promise<Response> {
  try {
    await authorize({ kind: "role", roles: ["ADMIN"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const chart = CHART_KEYS.find((k) => k === params.chart);
  if (!chart) return text(t("dashboard.errors.badChart"), 400);
  const parsed = parsePeriod(params, new Date());
  if (!parsed.ok) return text(t(`dashboard.errors.${parsed.error}`), 400);
  const data = await dashboard(db, { kind: "county" }, parsed.period, parsed.previous);
  const table = data && chartTables(data, t, locale, true).find((x) => x.key === chart);
  if (!table) return text(t("dashboard.errors.badChart"), 400);
  return new Response(chartCsv(table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${chartCsvFileName(chart, parsed.period.from, parsed.period.to)}"`,
      "cache-control": "private, no-store",
    },
  });
}
