import { authorize, authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { settlementsCsv } from "@/lib/server/settlements/csv";
import { settlementsMonth } from "@/lib/server/settlements/page-month";
import { listMonthSettlements } from "@/lib/server/settlements/queries";

/** GET /admin/settlements/settlements.csv?month=YYYY-MM: the month's statements, one row per cooperative (admins). */
export async function GET(request: Request): Promise<Response> {
  try {
    await authorize({ kind: "role", roles: ["ADMIN"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { month } = settlementsMonth(new URL(request.url).searchParams.get("month") ?? undefined);
  if (!month) return new Response(`${t("settlements.errors.badMonth")}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const rows = await listMonthSettlements(db, month);
  return new Response(settlementsCsv(rows, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="settlements-${month.month}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
