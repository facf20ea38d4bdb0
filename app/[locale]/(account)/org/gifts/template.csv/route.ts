import { authorize, authzResponse } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { giftProducts, giftTemplateCsv } from "@/lib/server/orgs/gift-orders";

/**
 * GET /org/gifts/template.csv (an organisation's purchasers): the gift list template, a column per product on
 * sale and one example row, UTF-8 with a byte order mark so that Excel opens it as it is.
 */
export async function GET(): Promise<Response> {
  try {
    await authorize({ kind: "organisation", roles: ["PURCHASER"] });
  } catch (error) {
    const denied = authzResponse(error);
    if (denied) return denied;
    throw error;
  }
  const [t, locale, products] = await Promise.all([getT(), getLocale(), giftProducts(db)]);
  return new Response(giftTemplateCsv(products, t, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="gift-list-template.csv"; filename*=UTF-8''${encodeURIComponent(t("org.gifts.title"))}.csv`,
      "cache-control": "private, no-store",
    },
  });
}
