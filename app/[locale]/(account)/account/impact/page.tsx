import type { Metadata } from "next";
import { MyImpact } from "@/components/impact/my-impact";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { buyerImpact } from "@/lib/server/queries/impact";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("impact.title"), robots: { index: false } };
}

/** "My impact": what all of the buyer's paid orders brought to households and villages, from the ledger. */
export default async function ImpactPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/impact");
  return <MyImpact impact={await buyerImpact(db, { buyerId: user.id })} />;
}
