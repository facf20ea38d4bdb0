"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { IMPORT_MAX_BYTES } from "@/lib/domain/roster";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { previewRosterImport } from "@/lib/server/roster/import";
import { problemText } from "@/lib/server/roster/messages";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({
  cooperativeId: recordId(),
  file: z.instanceof(File, { message: "roster.problems.noFile" }).refine((f) => f.size > 0, "roster.problems.noFile"),
});

/**
 * A manager uploads a roster file (CSV or XLSX): it is read and checked row by row and the preview is stored
 * (nothing of the roster is written), then the import page shows it. A file refused as a whole (over 5 MB or
 * 10,000 rows, unreadable, missing columns) answers with the reason and stores nothing.
 */
export const previewRosterAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const locale = await getLocale();
  if (input.file.size > IMPORT_MAX_BYTES) {
    const message = problemText(locale, { field: "file", key: "tooLarge", params: { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 } });
    return { ok: false, status: 413, message, fieldErrors: { file: message } };
  }
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const summary = await previewRosterImport(db, { cooperativeId: input.cooperativeId, actorId: actor.id, fileName: input.file.name, bytes });
  if (!summary.importId) {
    const message = summary.fileProblems[0] ? problemText(locale, summary.fileProblems[0]) : t("validation.fixErrors");
    return { ok: false, status: 422, message, fieldErrors: { file: message } };
  }
  redirect(`/coop/households/import?c=${encodeURIComponent(input.cooperativeId)}&id=${encodeURIComponent(summary.importId)}`);
});
