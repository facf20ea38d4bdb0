"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNext } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { signIn } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/auth/credentials";
import { adoptGuestCart } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { clientIp } from "@/lib/server/request";
import { signUpSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

/** Where the new account goes next (e.g. back to the checkout it came from), checked by safeNext below. */
const signUpInput = z.intersection(signUpSchema, z.object({ next: z.string().max(2000).optional() }));

/** Buyers sign themselves up; managers and admins are made by an admin. */
export const signUpAction = publicAction(signUpInput, async (input, { t }) => {
  const [ip, locale, passwordHash] = await Promise.all([clientIp(), getLocale(), hashPassword(input.password)]);
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "BUYER", locale } });
      await audit(tx, { action: "auth.sign-up", actorId: user.id, entityType: "User", entityId: user.id, ip });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, status: 409, fieldErrors: { email: t("auth.errors.emailTaken") }, message: t("validation.fixErrors"), values: { name: input.name, email: input.email } };
    }
    throw error;
  }
  await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
  await adoptGuestCart(user.id);
  redirect(safeNext(input.next, "BUYER"));
});
