import { useTranslations } from "next-intl";
import { AddressChoice, type SavedAddress } from "@/components/checkout/address-choice";
import { BuyingFor, type BuyingOrganisation } from "@/components/checkout/buying-for";
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
export function CheckoutForm({
  cart,
  addresses,
  profile,
  stripe,
  organisation,
}: {
  cart: CartView;
  addresses: SavedAddress[];
  profile: Profile;
  stripe: boolean;
  /** The organisation the buyer may buy for (its purchaser), or null. */
  organisation: BuyingOrganisation | null;
}) {
  const t = useTranslations("checkout");
  const institution = profile.buyerType === "INSTITUTION";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader title={t("title")} />
      <OrderSummary cart={cart} />
      {/* Buying for the organisation: its invoice details are used, so the personal invoice fields step aside. */}
      <ActionForm
        action={placeOrderAction}
        submitLabel={t("place")}
        className="space-y-5 [&:has([data-buying-for=organisation]:checked)_[data-personal-invoice]]:hidden"
        testId="checkout-form"
      >
        <input type="hidden" name="fingerprint" value={cart.fingerprint} />
        {organisation && <BuyingFor organisation={organisation} totalFen={cart.totalFen} />}
        <AddressChoice addresses={addresses} />
        <div data-personal-invoice="">
          <InvoiceFields wanted={institution} details={profile.institution} />
        </div>
        <PaymentChoice stripe={stripe} preferBank={institution || organisation !== null} />
      </ActionForm>
    </div>
  );
}
