import "server-only";
// A settlement move's outcome as the ActionState a form shows.
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import type { TransitionOutcome } from "./transitions";

export function transitionState(outcome: TransitionOutcome, t: Translate, done: string, values: Record<string, string>): ActionState {
  if (outcome.ok) return { ok: true, status: 200, message: done, values: { settlementId: outcome.id } };
  if (outcome.status === 404) return { ok: false, status: 404, message: t("settlements.errors.notFound"), values };
  return { ok: false, status: outcome.status, message: t(`settlements.errors.${outcome.reason}`), values };
}
