import "server-only";
// A flag operation's outcome as the form's ActionState, the same for admins and managers.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import type { FlagOutcome } from "./flags";

export function flagState(outcome: FlagOutcome, t: Translate, done: () => string, values?: Record<string, string>): ActionState {
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle"), values };
  if (outcome.kind === "conflict") return { ok: false, status: 409, message: t(`monitoring.errors.${outcome.reason}`), values };
  revalidatePath("/admin/monitoring");
  revalidatePath("/coop/monitoring");
  return { ok: true, status: 200, message: done() };
}
