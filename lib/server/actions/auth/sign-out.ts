"use server";
import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { signOut } from "@/lib/server/auth";
import { bumpSessionVersion } from "@/lib/server/auth/session-version";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { publicAction } from "../chain";

// Clearing the cookie is not enough: a copy of it would live on for 30 days. Raising the session version
// kills this token wherever it was copied — and, by design, the user's other sessions too (one number per
// user, no per-token revocation list; see docs/benchmarks.md "Session revocation").
export const signOutAction = publicAction(z.object({}), async (_input, { actor }) => {
  if (actor) {
    const ip = await clientIp();
    await db.$transaction(async (tx) => {
      await bumpSessionVersion(tx, actor.id);
      await audit(tx, { action: "auth.sign-out", actorId: actor.id, entityType: "User", entityId: actor.id, ip });
    });
  }
  await signOut({ redirectTo: "/?signedOut=1" });
  return { ok: true, status: 200 };
});
