"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { secureCookies } from "@/lib/server/env";

const input = z.object({ locale: z.enum(locales) });

/** The language switch. Public: it only sets the reader's own preference cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  // A hand-made call can pass anything as the argument: only a form is read.
  if (!(formData instanceof FormData)) return;
  const parsed = input.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: secureCookies,
  });
}
