import { describe, expect, test } from "vitest";
import { type Actor, type Decision, decide, decideCooperativeRead } from "@/lib/domain/permissions";

const buyer: Actor = { id: "u-buyer", role: "BUYER", cooperativeIds: [] };
const managerA: Actor = { id: "u-manager-a", role: "MANAGER", cooperativeIds: ["coop-a"] };
const managerB: Actor = { id: "u-manager-b", role: "MANAGER", cooperativeIds: ["coop-b"] };
const admin: Actor = { id: "u-admin", role: "ADMIN", cooperativeIds: [] };

// Reading a cooperative's statements and household income: its managers and every admin; writes stay with managers.
describe("decideCooperativeRead", () => {
  test.each<[string, Actor | null, string, Decision]>([
    ["anonymous", null, "coop-a", "unauthenticated"],
    ["a buyer", buyer, "coop-a", "forbidden"],
    ["manager A, own cooperative", managerA, "coop-a", "allow"],
    ["manager A, cooperative B", managerA, "coop-b", "notFound"],
    ["manager B, cooperative A", managerB, "coop-a", "notFound"],
    ["an admin, cooperative A", admin, "coop-a", "allow"],
    ["an admin, cooperative B", admin, "coop-b", "allow"],
    // Whether the cooperative exists is checked by the guard (404), not here.
    ["an admin, any id", admin, "coop-nobody", "allow"],
  ])("%s → %s", (_name, actor, cooperativeId, expected) => {
    expect(decideCooperativeRead(actor, cooperativeId)).toBe(expected);
  });

  test("the write check (cooperative) still refuses admins", () => {
    expect(decide(admin, { kind: "cooperative", cooperativeId: "coop-a" })).toBe("forbidden");
  });
});
