// One order waiting for the organisation's approver: who placed it and when, the basket line by line, the total,
// the deadline, and the decision (approve, or reject with a note the purchaser receives). Server component with a
// client form (ActionForm); works without JavaScript.
import { useFormatter, useTranslations } from "next-intl";
import { choiceClass } from "@/components/checkout/address-choice";
import { ActionForm, Choice, TextAreaField } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import { decideApprovalAction } from "@/lib/server/actions/org/approval-decide";
import type { ApprovalBasket } from "@/lib/server/orgs/approvals";

/** The basket by product: a gift order has a line per recipient, and the approver decides on the totals. */
function byProduct(items: ApprovalBasket["items"]) {
  const out = new Map<string, { id: string; nameZh: string; nameEn: string; quantity: number; lineTotalFen: number }>();
  for (const i of items) {
    const key = `${i.nameZh}\u0000${i.unitPriceFen}`;
    const hit = out.get(key);
    if (hit) {
      hit.quantity += i.quantity;
      hit.lineTotalFen += i.lineTotalFen;
    } else out.set(key, { id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, quantity: i.quantity, lineTotalFen: i.lineTotalFen });
  }
  return [...out.values()];
}

export function ApprovalCard({ order, locale, decide }: { order: ApprovalBasket; locale: string; decide: boolean }) {
  const t = useTranslations("org.approvals");
  const format = useFormatter();
  const named = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return (
    <Section
      as="article"
      title={<span className="font-mono">{order.number}</span>}
      action={<Price fen={order.totalFen} className="text-lg font-semibold" />}
      testId="approval-card"
      data={{ "data-order": order.id }}
    >
      <p className="text-sm text-earth-600">
        {t("placedBy", { buyer: order.buyer.name ?? order.buyer.email, at: format.dateTime(order.placedAt, "dateTime") })}
      </p>
      {order.reservedUntil && order.approvalStatus === "PENDING" && <p className="text-sm font-medium text-wine-700">{t("deadline", { deadline: format.dateTime(order.reservedUntil, "dateTime") })}</p>}
      <ul className="my-3 divide-y divide-earth-100 text-sm">
        {byProduct(order.items).map((i) => (
          <li key={i.id} className="flex justify-between gap-3 py-2">
            <span>
              {named(i)} <span className="text-earth-600">× {i.quantity}</span>
            </span>
            <Price fen={i.lineTotalFen} />
          </li>
        ))}
        <li className="flex justify-between gap-3 py-2 text-earth-600">
          <span>{t("shipping")}</span>
          <Price fen={order.shippingFen} />
        </li>
      </ul>
      <p className="mb-3 text-sm text-earth-600">{t("deliverTo", { recipient: order.recipient, street: order.street })}</p>
      {order.approvalStatus !== "PENDING" ? (
        <p className="text-sm">
          {t(`state.${order.approvalStatus}`)}
          {order.approvalNote ? `：${order.approvalNote}` : ""}
        </p>
      ) : decide ? (
        <ActionForm action={decideApprovalAction} submitLabel={t("submit")} testId="approval-form">
          <input type="hidden" name="orderId" value={order.id} />
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="sr-only">{t("decision")}</legend>
            <label className={choiceClass}>
              <Choice type="radio" name="decision" value="approve" className="mt-1" />
              <span className="text-sm font-medium">{t("approve")}</span>
            </label>
            <label className={choiceClass}>
              <Choice type="radio" name="decision" value="reject" className="mt-1" />
              <span className="text-sm font-medium">{t("reject")}</span>
            </label>
          </fieldset>
          <TextAreaField name="note" label={t("note")} hint={t("noteHint")} maxLength={500} />
        </ActionForm>
      ) : null}
    </Section>
  );
}
