import { useTranslations } from "next-intl";
import { AddressChoice, type SavedAddress } from "@/components/checkout/address-choice";
import { InvoiceFields, type InstitutionDetails } from "@/components/checkout/invoice-fields";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PaymentChoice } from "@/components/checkout/payment-choice";
import { ActionForm } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/section";
import { placeOrderAction } from "@/lib/server/actions/checkout/place-order";
import type { CartView } from "@/lib/server/queries/cart";

type Profile = { buyerType: "INDIVIDUAL" | "INSTITUTION"; institution: InstitutionDetails | null };

/**
 * The checkout: what is in the cart, where it goes, an invoice if one is wanted, how to pay. The new-address and
 * invoice fields open only when chosen (CSS, so it works without JavaScript); the server computes every amount.
 */
export function CheckoutForm({ cart, addresses, profile, stripe }: { cart: CartView; addresses: SavedAddress[]; profile: Profile; stripe: boolean }) {
  const t = useTranslations("checkout");
  const institution = profile.buyerType === "INSTITUTION";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader title={t("title")} />
      <OrderSummary cart={cart} />
      <ActionForm action={placeOrderAction} submitLabel={t("place")} className="space-y-5" testId="checkout-form">
        <input type="hidden" name="fingerprint" value={cart.fingerprint} />
        <AddressChoice addresses={addresses} />
        <InvoiceFields wanted={institution} details={profile.institution} />
        <PaymentChoice stripe={stripe} preferBank={institution} />
      </ActionForm>
    </div>
  );
}
