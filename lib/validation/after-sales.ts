// What the buyer sends after paying: a confirmation that a parcel arrived, a refund request (after shipping it
// names the parcel and a reason), and their mail preference. Messages are keys into messages/*.json.
import { z } from "zod";
import { REFUND_REASONS } from "../domain/delivery";
import { recordId, text } from "./text";

/** An empty form field (an unselected <select>, a radio group left alone) is no value at all. */
const blankAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const confirmReceiptSchema = z.object({ shipmentId: recordId() });

export const afterSalesRefundSchema = z
  .object({
    orderId: recordId(),
    shipmentId: z.preprocess(blankAsUndefined, recordId().optional()),
    reasonCode: z.preprocess(blankAsUndefined, z.enum(REFUND_REASONS, "afterSales.errors.reasonCode").optional()),
    reason: text({ multiline: true }).trim().max(500).default(""),
  })
  .superRefine((v, ctx) => {
    // The rest (must a parcel be named? is it this order's?) depends on the order: lib/server/orders/refunds.ts.
    if (v.shipmentId && !v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "afterSales.errors.reasonCode" });
    if ((!v.reasonCode || v.reasonCode === "OTHER") && v.reason.length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: "validation.reasonRequired" });
  });

/** The checkbox "send me non-essential mail": present (checked) or absent. */
export const mailPreferencesSchema = z.object({
  nonEssential: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
