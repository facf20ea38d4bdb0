import { db } from "@/lib/server/db";
import { getSessionUser } from "@/lib/server/authz";
import { invoicePdfResponse } from "@/lib/server/orgs/invoices";
import { getStorage } from "@/lib/server/storage";

/**
 * GET /org/invoices/[id]/pdf: an issued invoice's PDF, for the organisation's finance members and admins, and for
 * the platform's admins (decideOrganisationRead). Another organisation's id is 404; never cached, never public.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return invoicePdfResponse(db, getStorage(), await getSessionUser(), id);
}
