import { useTranslations } from "next-intl";

export interface BankParty {
  name: string;
  accountName: string | null;
  bankName: string | null;
  accountNumber: string | null;
}

function Party({ title, party }: { title: string; party: BankParty }) {
  const t = useTranslations("settlements");
  const known = party.accountName || party.bankName || party.accountNumber;
  return (
    <div className="rounded-2xl bg-white p-4 text-sm shadow-sm print:shadow-none">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1">{party.name}</p>
      {known ? (
        <ul className="mt-1 space-y-0.5 text-earth-700">
          {party.accountName && <li>{t("accountName", { value: party.accountName })}</li>}
          {party.bankName && <li>{t("bankName", { value: party.bankName })}</li>}
          {party.accountNumber && <li className="font-mono">{t("accountNumber", { value: party.accountNumber })}</li>}
        </ul>
      ) : (
        <p className="mt-1 text-earth-600">{t("noBank")}</p>
      )}
    </div>
  );
}

/** Payer (the platform operator, from BANK_*) and payee (the cooperative's 对公账户), side by side on paper. */
export function SettlementParties({ payer, payee }: { payer: BankParty; payee: BankParty }) {
  const t = useTranslations("settlements");
  return (
    <div className="grid gap-3 sm:grid-cols-2 print:grid-cols-2" data-testid="settlement-parties">
      <Party title={t("payer")} party={payer} />
      <Party title={t("payee")} party={payee} />
    </div>
  );
}
