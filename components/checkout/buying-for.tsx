import { useTranslations } from "next-intl";
import { choiceClass } from "@/components/checkout/address-choice";
import { Choice } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";

/** What the checkout shows of the buyer's organisation when they may buy for it (its PURCHASER). */
export interface BuyingOrganisation {
  name: string;
  invoiceTitle: string;
  taxId: string;
  approvalThresholdFen: number | null;
  approvalWindowHours: number;
}

/**
 * A purchaser of an organisation says whom this order is for: themself (a private order, paid as any buyer pays)
 * or the organisation (its invoice details, paid by bank transfer from its account, counted toward its reserved
 * share, and waiting for an approver above its threshold). Nothing is preselected: the checkout asks.
 * Choosing the organisation hides the personal invoice fields (CSS :has on the form, no JavaScript).
 */
export function BuyingFor({ organisation, totalFen }: { organisation: BuyingOrganisation; totalFen: number }) {
  const t = useTranslations("checkout.buyingFor");
  const threshold = organisation.approvalThresholdFen;
  const needsApproval = threshold !== null && totalFen > threshold;
  return (
    <Section>
      <fieldset className="space-y-3" data-testid="buying-for">
        <legend className="mb-3 text-lg font-semibold">{t("title")}</legend>
        <label className={choiceClass}>
          <Choice type="radio" name="buyingFor" value="organisation" className="mt-1" data-buying-for="organisation" />
          <span className="text-sm">
            <span className="font-medium">{t("organisation", { name: organisation.name })}</span>
            <br />
            <span className="text-earth-600">{t("organisationHint", { title: organisation.invoiceTitle, taxId: organisation.taxId })}</span>
            {threshold !== null && (
              <span className={`mt-1 block ${needsApproval ? "font-medium text-wine-700" : "text-earth-600"}`} data-testid="approval-hint">
                {needsApproval
                  ? t("needsApproval", { hours: organisation.approvalWindowHours })
                  : t.rich("threshold", { amount: () => <Price fen={threshold} /> })}
              </span>
            )}
          </span>
        </label>
        <label className={choiceClass}>
          <Choice type="radio" name="buyingFor" value="private" className="mt-1" />
          <span className="text-sm">
            <span className="font-medium">{t("private")}</span>
            <br />
            <span className="text-earth-600">{t("privateHint")}</span>
          </span>
        </label>
      </fieldset>
    </Section>
  );
}
