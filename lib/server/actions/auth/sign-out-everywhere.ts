"use server";
import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { signOut } from "@/lib/server/auth";
import { bumpSessionVersion } from "@/lib/server/auth/session-version";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { userAction } from "../chain";

/** "Sign out of all devices": every session of this user ends (the version rises), then this browser signs out. */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, { actor }) => {
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    await bumpSessionVersion(tx, actor.id);
    await audit(tx, { action: "auth.sign-out", actorId: actor.id, entityType: "User", entityId: actor.id, ip, metadata: { everywhere: true } });
  });
  await signOut({ redirectTo: "/?signedOut=1" });
  return { ok: true, status: 200 };
});
