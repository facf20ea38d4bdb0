// A stand-in for lib/server/authz in tests that run server actions without Auth.js: the real rule (decide() in
// lib/domain/permissions.ts) judges a test-chosen actor, and a refusal throws an AuthzError with the real status,
// as the action chain expects. Use it from a vi.mock factory:
//   vi.mock("@/lib/server/authz", async () => (await import("../helpers/authz-stub")).authzStub(() => holder.actor));
import { decide, decisionStatus, type Access, type Actor } from "@/lib/domain/permissions";

export class AuthzError extends Error {
  constructor(readonly decision: Exclude<keyof typeof decisionStatus, "allow">) {
    super(decision);
    this.name = "AuthzError";
  }
  get status(): number {
    return decisionStatus[this.decision];
  }
}

/** The module's two exports the action chain uses, deciding for whoever `actor()` names at the time of the call. */
export function authzStub<A>(actor: () => A) {
  return {
    AuthzError,
    authorize: async (access: Access): Promise<A> => {
      const current = actor();
      const decision = decide(current as Actor | null, access);
      if (decision !== "allow") throw new AuthzError(decision);
      return current;
    },
  };
}
