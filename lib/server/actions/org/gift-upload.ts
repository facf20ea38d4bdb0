"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { GIFT_LIST_LIMITS } from "@/lib/domain/gift-list";
import { db } from "@/lib/server/db";
import { uploadGiftList } from "@/lib/server/orgs/gift-orders";
import { orgAction } from "../chain";

const schema = z.object({
  file: z.instanceof(File, { message: "org.gifts.upload.noFile" }).refine((f) => f.size > 0, "org.gifts.upload.noFile"),
});

/**
 * A purchaser uploads a gift list (CSV or XLSX): it is checked row by row and its preview stored for the
 * organisation, then the preview page shows it. A file refused as a whole (over 5 MB or 5,000 rows, unreadable,
 * columns wrong) answers with the reason and stores nothing.
 */
export const uploadGiftListAction = orgAction(["PURCHASER"], schema, async (input, { actor, t }) => {
  if (input.file.size > GIFT_LIST_LIMITS.maxBytes) {
    const message = t("org.giftList.refusals.tooLarge", { maxMb: GIFT_LIST_LIMITS.maxBytes / 1024 / 1024 });
    return { ok: false, status: 413, message, fieldErrors: { file: message } };
  }
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const outcome = await uploadGiftList(db, { organisationId: actor.organisation.id, actorId: actor.id, fileName: input.file.name, bytes });
  if (!outcome.ok) {
    const message = t(outcome.key, outcome.vars);
    return { ok: false, status: outcome.status, message, fieldErrors: { file: message } };
  }
  redirect(`/org/gifts/${encodeURIComponent(outcome.id)}`);
});
