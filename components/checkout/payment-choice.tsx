import { useTranslations } from "next-intl";
import { choiceClass } from "@/components/checkout/address-choice";
import { Choice, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";

/**
 * Online payment (when the platform has Stripe keys) or bank transfer, and a note. Without Stripe the buyer
 * is told plainly to pay by transfer; why (no keys configured) is the operator's business, not theirs.
 */
export function PaymentChoice({ stripe, preferBank }: { stripe: boolean; preferBank: boolean }) {
  const t = useTranslations("checkout");
  return (
    <Section>
      <fieldset className="space-y-3">
        <legend className="mb-3 text-lg font-semibold">{t("payment")}</legend>
        {stripe ? (
          <label className={choiceClass}>
            <Choice type="radio" name="method" value="STRIPE" defaultChecked={!preferBank} className="mt-1" />
            <span className="text-sm">
              <span className="font-medium">{t("stripe")}</span>
              <br />
              <span className="text-earth-600">{t("stripeHint")}</span>
            </span>
          </label>
        ) : (
          <p className="rounded-lg bg-earth-100 px-3 py-2 text-sm" data-testid="no-stripe">
            {t("noStripe")}
          </p>
        )}
        <label className={choiceClass}>
          <Choice type="radio" name="method" value="BANK_TRANSFER" defaultChecked={!stripe || preferBank} className="mt-1" />
          <span className="text-sm">
            <span className="font-medium">{t("bank")}</span>
            <br />
            <span className="text-earth-600">{t("bankHint")}</span>
          </span>
        </label>
        <Field name="note" label={t("note")} maxLength={200} />
      </fieldset>
    </Section>
  );
}
