"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { commitRosterImport } from "@/lib/server/roster/import";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({ cooperativeId: recordId(), importId: recordId() });

/**
 * A manager commits a previewed import: all rows in one transaction, or none (refused when a row has a problem,
 * the preview is stale or committed already, or it is another cooperative's: 404). Audited.
 */
export const commitRosterAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const result = await commitRosterImport(db, { cooperativeId: input.cooperativeId, actorId: actor.id, importId: input.importId });
  if (!result.ok) {
    const message = { notFound: t("errors.notFoundTitle"), hasErrors: t("roster.import.hasErrors"), committed: t("roster.import.committed"), stale: t("roster.import.stale") }[result.key];
    return { ok: false, status: result.status, message };
  }
  revalidatePath("/coop/households");
  revalidatePath("/coop/households/import");
  const c = result.counts;
  return { ok: true, status: 200, message: t("roster.import.done", { rows: c.rows, newHouseholds: c.newHouseholds, updated: c.updated + c.newParticipations }) };
});
