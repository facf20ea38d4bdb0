"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { createCooperative } from "@/lib/server/people/cooperatives";
import { cooperativeChanged } from "@/lib/server/queries/catalog-cached";
import { cooperativeCreateSchema, type CooperativeCreateInput } from "@/lib/validation/people";
import { roleAction } from "../chain";

/** What the form shows again after a refusal (yuan as typed is gone by now: shown back in yuan). */
const valuesOf = (input: CooperativeCreateInput): Record<string, string> => ({
  villageId: input.villageId,
  enterpriseId: input.enterpriseId ?? "",
  nameZh: input.nameZh,
  nameEn: input.nameEn,
  contactPhone: input.contactPhone ?? "",
  bankAccountName: input.bankAccountName ?? "",
  bankName: input.bankName ?? "",
  bankAccountNumber: input.bankAccountNumber ?? "",
  shippingFee: (input.shippingFee / 100).toFixed(2),
  freeShippingMin: (input.freeShippingMin / 100).toFixed(2),
});

/** An admin creates a cooperative (pending until certified); back to the list with it on top of the page. */
export const createCooperativeAction = roleAction(["ADMIN"], cooperativeCreateSchema, async (input, { actor, t }) => {
  const outcome = await createCooperative(db, actor.id, input);
  if (outcome.kind !== "done") {
    const [field, message] = outcome.kind === "unknownVillage" ? ["villageId", t("people.errors.unknownVillage")] : ["enterpriseId", t("people.errors.unknownEnterprise")];
    return { ok: false, status: 400, message, fieldErrors: { [field]: message }, values: valuesOf(input) };
  }
  cooperativeChanged(outcome.cooperative.id);
  revalidatePath("/admin/cooperatives");
  redirect(`/admin/cooperatives?created=${outcome.cooperative.id}#coop-${outcome.cooperative.id}`);
});
