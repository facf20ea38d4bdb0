import type { Metadata } from "next";
import { AddressBook } from "@/components/account/address-book";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listAddresses } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.addresses"), robots: { index: false } };
}

export default async function AddressesPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/addresses");
  return <AddressBook addresses={await listAddresses(db, { userId: user.id })} />;
}
