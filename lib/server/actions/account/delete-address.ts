"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/validation/text";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { userAction } from "../chain";

export const deleteAddressAction = userAction(z.object({ id: recordId() }), async ({ id }, { actor, t }) => {
  const deleted = await db.$transaction(async (tx) => {
    const removed = await tx.address.deleteMany({ where: { id, userId: actor.id } });
    if (removed.count !== 1) return false;
    // Keep one default address if any remain.
    if ((await tx.address.count({ where: { userId: actor.id, isDefault: true } })) === 0) {
      const next = await tx.address.findFirst({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
      if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    await audit(tx, { action: "account.address-deleted", actorId: actor.id, entityType: "Address", entityId: id });
    return true;
  });
  if (!deleted) return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  revalidatePath("/account/addresses");
  return { ok: true, status: 200, message: t("account.deleted") };
});
