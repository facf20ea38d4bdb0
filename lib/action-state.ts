/** What a server action built with lib/server/actions/chain.ts returns to its form. */
export interface ActionState {
  ok: boolean;
  /** An HTTP-like status: 200, 400 bad input, 401, 403, 404, 409, 410, 429. */
  status: number;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back into the form after a failed submission (never passwords). */
  values?: Record<string, string>;
}

export type FormAction = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;
