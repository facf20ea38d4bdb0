import "server-only";
// Every server action is built from this chain, so none can forget a check:
//   session loaded → role checked → input parsed with zod → tenant (cooperative) checked → handler.
// Permission comes before validation, so a caller without the right learns nothing from field errors: signed
// out is 401 and a wrong role 403 whatever the input. Input is parsed before the tenant check only because the
// tenant (cooperativeId) is named by the input.
// Handlers return an ActionState that forms show (translated); the status is a real HTTP-like code.
// An error nobody expected (a database outage, a bug) is caught here, once for every action: logged with the
// request id, the user and the action, and answered with a translated 500 that says nothing about the cause.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import type { Locale } from "@/lib/i18n/config";
import { decide, type Access, type OrgRole } from "@/lib/domain/permissions";
import { translateDynamic, translator, type Translate } from "@/lib/i18n/translate";
import { authorize, AuthzError, type SessionUser } from "@/lib/server/authz";
import { getLocale } from "@/lib/server/i18n";
import { log, requestContext } from "@/lib/server/log";

export interface ActionContext<A> {
  actor: A;
  t: Translate;
  locale: Locale;
}

type Handler<S extends z.ZodType, A> = (input: z.output<S>, ctx: ActionContext<A>) => Promise<ActionState>;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData) if (typeof v === "string" && !/password/i.test(k) && !k.startsWith("$")) out[k] = v;
  return out;
}

/** Next's id of the action being run (the `next-action` header; server-reference-manifest.json names its export). */
async function actionId(): Promise<string | undefined> {
  try {
    return (await headers()).get("next-action") ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * `gate` is what may be checked before the input is read (public, signed in, a role); `tenant`, when the
 * action has one, is checked against the parsed input afterwards.
 */
function build<S extends z.ZodType, A>(schema: S, gate: Access, tenant: ((input: z.output<S>) => Access) | null, handler: Handler<S, A>) {
  return async (_prev: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const locale = await getLocale();
    const t = translator(locale);
    // A hand-made call can pass anything as the arguments (forms always send a FormData): a 400, not a crash.
    if (!(formData instanceof FormData)) return { ok: false, status: 400, message: t("validation.fixErrors") };
    let actor: SessionUser | null = null;
    try {
      actor = await authorize(gate);
      const parsed = schema.safeParse(Object.fromEntries([...formData].filter(([k]) => !k.startsWith("$"))));
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "form";
          fieldErrors[key] ??= translateDynamic(locale, issue.message);
        }
        return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors, values: formValues(formData) };
      }
      if (tenant) {
        const decision = decide(actor, tenant(parsed.data));
        if (decision !== "allow") throw new AuthzError(decision);
      }
      return await handler(parsed.data, { actor: actor as A, t, locale });
    } catch (error) {
      // redirect(), notFound(), forbidden() and Next's other control flow are thrown: they must go through.
      unstable_rethrow(error);
      if (error instanceof AuthzError) {
        const key = error.status === 401 ? "auth.errors.signInRequired" : error.status === 404 ? "errors.notFoundTitle" : "auth.errors.forbidden";
        return { ok: false, status: error.status, message: t(key) };
      }
      log.error({ err: error, ...(await requestContext()), userId: actor?.id, actionId: await actionId() }, "server action failed");
      return { ok: false, status: 500, message: t("errors.unexpected") };
    }
  };
}

/** Anyone, signed in or not. */
export const publicAction = <S extends z.ZodType>(schema: S, handler: Handler<S, SessionUser | null>) =>
  build(schema, { kind: "public" }, null, handler);

/** Any signed-in user. */
export const userAction = <S extends z.ZodType>(schema: S, handler: Handler<S, SessionUser>) =>
  build(schema, { kind: "signedIn" }, null, handler);

/** A signed-in user with one of these roles. */
export const roleAction = <S extends z.ZodType>(roles: readonly ("BUYER" | "MANAGER" | "ADMIN")[], schema: S, handler: Handler<S, SessionUser>) =>
  build(schema, { kind: "role", roles }, null, handler);

/** A manager of the cooperative named by the input's cooperativeId. */
export const cooperativeAction = <S extends z.ZodType<{ cooperativeId: string }>>(schema: S, handler: Handler<S, SessionUser>) =>
  // Only a manager manages a cooperative (decide() refuses anyone else with 403), so that is the gate.
  build(schema, { kind: "role", roles: ["MANAGER"] }, (input) => ({ kind: "cooperative", cooperativeId: input.cooperativeId }), handler);

/** A member of an organisation who holds one of `roles` there; the handler's actor carries that membership. */
export type OrgMemberActor = SessionUser & { organisation: { id: string; roles: readonly OrgRole[] } };

/**
 * A member of the caller's own organisation holding one of `roles` (institutional buying). The organisation is
 * the caller's membership, never the input's: a form naming another organisation's records finds nothing there
 * (the handler scopes every read and write by `actor.organisation.id`). Not a member, or without the role: 403.
 */
export const orgAction = <S extends z.ZodType>(roles: readonly OrgRole[], schema: S, handler: Handler<S, OrgMemberActor>) =>
  build(schema, { kind: "organisation", roles }, null, handler);
