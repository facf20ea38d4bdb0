// The action chain's one catch (lib/server/actions/chain.ts): an error nobody expected becomes a translated
// 500 and one log line with the request id, the user and the action; Next's redirect()/notFound() still work.
// The framework boundary (request headers, the session, the locale) is mocked; the chain itself is real.
import { beforeEach, describe, expect, test, vi, type MockInstance } from "vitest";
import { z } from "zod";
import type { Access, Actor } from "@/lib/domain/permissions";

const request = vi.hoisted(() => ({ headers: null as Headers | null }));
const session = vi.hoisted(() => ({ authorize: vi.fn() }));

vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request.headers) throw new Error("`headers` was called outside a request scope");
    return request.headers;
  },
  cookies: async () => ({ get: () => undefined }),
}));
// Next's bundler gives server code this build of next/navigation; vitest would load the client one.
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => "en" }));
vi.mock("@/lib/server/authz", () => {
  class AuthzError extends Error {
    constructor(readonly decision: "unauthenticated" | "forbidden" | "notFound") {
      super(decision);
    }
    get status() {
      return { unauthenticated: 401, forbidden: 403, notFound: 404 }[this.decision];
    }
  }
  return { AuthzError, authorize: session.authorize };
});

const { notFound, redirect } = await import("next/navigation");
const { AuthzError } = await import("@/lib/server/authz");
const { cooperativeAction, publicAction, roleAction, userAction } = await import("@/lib/server/actions/chain");
const { decide } = await import("@/lib/domain/permissions");
const { log } = await import("@/lib/server/log");
const { translator } = await import("@/lib/i18n/translate");

const BUYER = { id: "user-buyer-1", email: "b@example.test", name: null, role: "BUYER", buyerType: "INDIVIDUAL", cooperativeIds: [] };
const unexpected = { ok: false, status: 500, message: translator("en")("errors.unexpected") };
const form = (fields: Record<string, string> = {}) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const schema = z.object({ name: z.string().min(1) });

let logged: MockInstance<typeof log.error>;
beforeEach(() => {
  request.headers = new Headers({ "x-request-id": "req-0123456789", "next-action": "7f3a9c" });
  session.authorize.mockReset().mockResolvedValue(BUYER);
  logged?.mockRestore();
  logged = vi.spyOn(log, "error");
});

describe("an error nobody expected", () => {
  test("thrown by the handler: a translated 500, logged once with request id, user and action", async () => {
    const cause = new Error("connection terminated unexpectedly");
    const action = userAction(schema, async () => {
      throw cause;
    });
    expect(await action(undefined, form({ name: "x" }))).toEqual(unexpected);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith({ err: cause, requestId: "req-0123456789", userId: BUYER.id, actionId: "7f3a9c" }, "server action failed");
  });

  test("the 500 says nothing about the cause", async () => {
    const action = userAction(schema, async () => {
      throw new Error("relation \"Order\" does not exist");
    });
    const state = await action(undefined, form({ name: "x" }));
    expect(JSON.stringify(state)).not.toContain("Order");
  });

  test("thrown while loading the session (not an authorization refusal): 500, no user id known", async () => {
    const cause = new Error("database is down");
    session.authorize.mockRejectedValue(cause);
    const handler = vi.fn();
    const action = publicAction(schema, handler);
    expect(await action(undefined, form({ name: "x" }))).toEqual(unexpected);
    expect(handler).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toMatchObject({ err: cause, requestId: "req-0123456789", userId: undefined });
  });

  test("outside a request, or with no request id, the line simply has none", async () => {
    request.headers = null;
    const action = userAction(schema, async () => {
      throw new Error("boom");
    });
    expect(await action(undefined, form({ name: "x" }))).toEqual(unexpected);
    expect(logged.mock.calls[0]![0]).not.toHaveProperty("requestId");
  });
});

describe("what is not unexpected passes through unlogged", () => {
  test("an authorization refusal keeps its status", async () => {
    session.authorize.mockRejectedValue(new AuthzError("unauthenticated"));
    const action = userAction(schema, async () => ({ ok: true, status: 200 }));
    expect(await action(undefined, form({ name: "x" }))).toMatchObject({ ok: false, status: 401 });
    expect(logged).not.toHaveBeenCalled();
  });

  test("bad input is a 400 with field errors", async () => {
    const action = userAction(schema, async () => ({ ok: true, status: 200 }));
    expect(await action(undefined, form({ name: "" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { name: expect.any(String) } });
    expect(logged).not.toHaveBeenCalled();
  });

  test("the handler's own answer is returned as it is", async () => {
    const action = userAction(schema, async ({ name }) => ({ ok: true, status: 200, message: `hello ${name}` }));
    expect(await action(undefined, form({ name: "x" }))).toEqual({ ok: true, status: 200, message: "hello x" });
    expect(logged).not.toHaveBeenCalled();
  });

  test("redirect() in a handler still redirects", async () => {
    const action = userAction(schema, async () => redirect("/account/orders/1"));
    const thrown = await action(undefined, form({ name: "x" })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(thrown).toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/account\/orders\/1;/) });
    expect(logged).not.toHaveBeenCalled();
  });

  test("notFound() in a handler still shows the not-found page", async () => {
    const action = userAction(schema, async () => notFound());
    await expect(action(undefined, form({ name: "x" }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(logged).not.toHaveBeenCalled();
  });
});

// Permission before validation (issue 10, point 8): who may call is settled before the input is read, so a
// caller without the right gets 401/403 whatever they send, never field errors that describe the action.
describe("permission is checked before the input", () => {
  const MANAGER_A = { ...BUYER, id: "user-manager-a", role: "MANAGER", cooperativeIds: ["coop-a"] };
  /** The real decision table behind the mocked session: `user` is who is signed in (null: nobody). */
  const signedInAs = (user: typeof BUYER | typeof MANAGER_A | null) =>
    session.authorize.mockImplementation(async (access: Access) => {
      // BUYER's role is typed as a plain string above; the values are the real roles.
      const decision = decide(user as Actor | null, access);
      if (decision !== "allow") throw new AuthzError(decision);
      return user;
    });
  const buyerOnly = () => roleAction(["BUYER"], schema, async () => ({ ok: true, status: 200 }));
  const coopSchema = z.object({ cooperativeId: z.string().min(1), percent: z.coerce.number().min(0) });
  const coopOnly = (handler = vi.fn(async () => ({ ok: true, status: 200 }))) => cooperativeAction(coopSchema, handler);

  test("a manager calling a buyer-only action with bad input: 403, not 400, and no field errors", async () => {
    signedInAs(MANAGER_A);
    const state = await buyerOnly()(undefined, form({ name: "" }));
    expect(state).toEqual({ ok: false, status: 403, message: translator("en")("auth.errors.forbidden") });
  });

  test("a manager calling a buyer-only action with no input at all: 403", async () => {
    signedInAs(MANAGER_A);
    expect(await buyerOnly()(undefined, form())).toMatchObject({ ok: false, status: 403 });
  });

  test("signed out, with bad input: 401, not 400", async () => {
    signedInAs(null);
    expect(await buyerOnly()(undefined, form({ name: "" }))).toEqual({ ok: false, status: 401, message: translator("en")("auth.errors.signInRequired") });
    expect(await userAction(schema, async () => ({ ok: true, status: 200 }))(undefined, form())).toMatchObject({ status: 401 });
  });

  test("a buyer with bad input: 400 with field errors", async () => {
    signedInAs(BUYER);
    expect(await buyerOnly()(undefined, form({ name: "" }))).toMatchObject({ ok: false, status: 400, fieldErrors: { name: expect.any(String) } });
  });

  test.each([
    ["a buyer, bad input", 403, BUYER, { cooperativeId: "", percent: "-5" }],
    ["signed out, bad input", 401, null, { percent: "x" }],
    // The tenant is named by the input, so a manager's input is read first: bad input is 400, valid input for
    // someone else's cooperative 404, for their own the handler's answer.
    ["manager of A, bad input", 400, MANAGER_A, { cooperativeId: "coop-a", percent: "-5" }],
    ["manager of A, cooperative B", 404, MANAGER_A, { cooperativeId: "coop-b", percent: "5" }],
    ["manager of A, cooperative A", 200, MANAGER_A, { cooperativeId: "coop-a", percent: "5" }],
  ] as const)("a cooperative action: %s → %s", async (_why, status, user, fields) => {
    signedInAs(user);
    const handler = vi.fn(async () => ({ ok: true, status: 200 }));
    expect(await coopOnly(handler)(undefined, form(fields))).toMatchObject({ status });
    expect(handler).toHaveBeenCalledTimes(status === 200 ? 1 : 0);
  });

  test("the session is loaded before the input is parsed", async () => {
    signedInAs(BUYER);
    const order: string[] = [];
    session.authorize.mockImplementationOnce(async () => {
      order.push("session");
      return BUYER;
    });
    const tracked = z.object({ name: z.string().refine((v) => (order.push("parse"), v.length > 0)) });
    await roleAction(["BUYER"], tracked, async () => ({ ok: true, status: 200 }))(undefined, form({ name: "x" }));
    expect(order).toEqual(["session", "parse"]);
  });
});
