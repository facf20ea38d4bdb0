"use server";
import { z } from "zod";
import { audit } from "@/lib/server/audit";
import { signOut } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { publicAction } from "../chain";

export const signOutAction = publicAction(z.object({}), async (_input, { actor }) => {
  if (actor) await audit(db, { action: "auth.sign-out", actorId: actor.id, entityType: "User", entityId: actor.id, ip: await clientIp() });
  await signOut({ redirectTo: "/?signedOut=1" });
  return { ok: true, status: 200 };
});
