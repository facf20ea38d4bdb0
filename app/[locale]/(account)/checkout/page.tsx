import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { buyingOrganisation } from "@/lib/server/orgs/organisations";
import { getAccountProfile, listAddresses } from "@/lib/server/queries/account";
import { getCartView } from "@/lib/server/queries/cart";
import { stripeConfig } from "@/lib/server/stripe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("checkout.title"), robots: { index: false } };
}

export default async function CheckoutPage() {
  const user = await guardPage({ kind: "role", roles: ["BUYER"] }, "/checkout");
  const [cart, addresses, profile, organisation] = await Promise.all([
    getCartView({ userId: user.id }, await getLocale()),
    listAddresses(db, { userId: user.id }),
    getAccountProfile(db, { userId: user.id }),
    user.organisation ? buyingOrganisation(db, user.id) : null,
  ]);
  if (cart.groups.length === 0) redirect("/cart");
  return <CheckoutForm cart={cart} addresses={addresses} profile={profile} stripe={stripeConfig() !== null} organisation={organisation} />;
}
