import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import type { listTransfersAwaitingConfirmation } from "@/lib/server/queries/orders";
import { ConfirmTransferForm, TransferConfirmations } from "./transfer-confirmations";

type Pending = Awaited<ReturnType<typeof listTransfersAwaitingConfirmation>>[number];

/** Bank transfers waiting for an admin to match the money received, each with its confirmation form. */
export function PendingTransfers({ orders }: { orders: Pending[] }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  return (
    <TransferConfirmations>
      {orders.length === 0 && <Notice>{t("transfersEmpty")}</Notice>}
      <ul className="space-y-3">
        {orders.map((o) => (
          // data-order, data-amount and data-reference are read by the e2e tests (in this order).
          <Section key={o.id} as="li" testId="transfer" data={{ "data-order": o.id, "data-amount": (o.totalFen / 100).toFixed(2), "data-reference": o.transferReference ?? "" }}>
            <p className="flex flex-wrap justify-between gap-2 font-medium">
              <span className="font-mono">{o.transferReference}</span>
              <Price fen={o.totalFen} />
            </p>
            <p className="text-sm text-earth-600">
              {o.number} · {o.unitName ?? o.buyer.email} · {format.dateTime(o.placedAt, "dateTime")}
            </p>
            <ConfirmTransferForm orderId={o.id} />
          </Section>
        ))}
      </ul>
    </TransferConfirmations>
  );
}
