"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { secureCookies } from "@/lib/server/env";
import { samePageAfterSwitch } from "@/lib/http/storefront-route";

const input = z.object({ locale: z.enum(locales) });

/**
 * The language switch. Public: it only sets the reader's own preference cookie, then loads the page the reader was
 * on again, now rewritten to the other language (proxy.ts): the locale is the app's root segment, so another
 * language is another document.
 */
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
  const request = await headers();
  redirect(samePageAfterSwitch(request.get("referer"), request.get("host")));
}
