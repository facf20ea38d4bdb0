import { useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";

export type BankAccount = { name: string; bank: string; number: string };

/** Where an unpaid bank-transfer order's money goes, and the reference that ties the transfer to the order. */
export function BankTransferDetails({ bank, totalFen, reference }: { bank: BankAccount; totalFen: number; reference: string | null }) {
  const t = useTranslations("orders");
  return (
    <Section title={t("bankTitle")} className="border-2 border-wine-100">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-earth-600">{t("bankAccountName")}</dt>
        <dd>{bank.name}</dd>
        <dt className="text-earth-600">{t("bankName")}</dt>
        <dd>{bank.bank}</dd>
        <dt className="text-earth-600">{t("bankAccount")}</dt>
        <dd className="font-mono">{bank.number}</dd>
        <dt className="text-earth-600">{t("bankAmount")}</dt>
        <dd className="font-semibold" data-testid="transfer-amount">
          <Price fen={totalFen} />
        </dd>
        <dt className="text-earth-600">{t("bankReference")}</dt>
        <dd className="font-mono text-lg font-bold text-wine-700" data-testid="transfer-reference">
          {reference}
        </dd>
      </dl>
    </Section>
  );
}
