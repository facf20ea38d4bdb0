import { authorize, authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { flagsCsv } from "@/lib/server/monitoring/csv";
import { listFlags } from "@/lib/server/monitoring/list";

/** GET /admin/monitoring/flags.csv?township=<slug> (admins): the 防返贫 flags of a township, or of all. */
export async function GET(request: Request): Promise<Response> {
  try {
    await authorize({ kind: "role", roles: ["ADMIN"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const township = new URL(request.url).searchParams.get("township")?.trim() || null;
  if (township !== null && !/^[a-z0-9-]{1,60}$/.test(township)) return new Response("bad township\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  if (township !== null && !(await db.township.findUnique({ where: { slug: township }, select: { id: true } }))) {
    return new Response(`${t("errors.notFoundTitle")}\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const list = await listFlags(db, { scope: { kind: "all" }, now: new Date(), townshipSlug: township, limit: 20_000 });
  return new Response(flagsCsv(list, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="monitoring-${township ?? "all"}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
