"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { addressSchema } from "@/lib/validation/account";
import { userAction } from "../chain";

const MAX_ADDRESSES = 20;

/** Adds an address, or edits one of the actor's own (someone else's id answers 404, changes nothing). */
export const saveAddressAction = userAction(addressSchema, async (input, { actor, t }) => {
  const { id, isDefault, ...fields } = input;
  const result = await db.$transaction(async (tx) => {
    if (id) {
      const updated = await tx.address.updateMany({ where: { id, userId: actor.id }, data: fields });
      if (updated.count !== 1) return "notFound" as const;
    } else if ((await tx.address.count({ where: { userId: actor.id } })) >= MAX_ADDRESSES) {
      return "tooMany" as const;
    }
    const saved = id ? { id } : await tx.address.create({ data: { ...fields, userId: actor.id }, select: { id: true } });
    const hasDefault = await tx.address.count({ where: { userId: actor.id, isDefault: true, NOT: { id: saved.id } } });
    if (isDefault || hasDefault === 0) {
      await tx.address.updateMany({ where: { userId: actor.id, NOT: { id: saved.id } }, data: { isDefault: false } });
      await tx.address.update({ where: { id: saved.id }, data: { isDefault: true } });
    }
    await audit(tx, { action: "account.address-saved", actorId: actor.id, entityType: "Address", entityId: saved.id });
    return "ok" as const;
  });
  if (result === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (result === "tooMany") return { ok: false, status: 409, message: t("validation.tooManyAddresses") };
  revalidatePath("/account/addresses");
  return { ok: true, status: 200, message: t("account.saved") };
});
