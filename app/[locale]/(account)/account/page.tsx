import type { Metadata } from "next";
import { ProfileForms } from "@/components/account/profile-forms";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { getAccountProfile } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.title"), robots: { index: false } };
}

export default async function AccountPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account");
  return <ProfileForms profile={await getAccountProfile(db, { userId: user.id })} />;
}
