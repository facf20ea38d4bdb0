// Settlement input rules, shared by the forms and the server actions. Messages are keys into messages/*.json.
import { z } from "zod";
import { recordId, text } from "./text";

const month = text().regex(/^2\d{3}-(0[1-9]|1[0-2])$/, "settlements.errors.badMonth");
const isoDay = text().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "settlements.errors.badDate");

export const generateSettlementsSchema = z.object({ month });

export const paySettlementSchema = z.object({
  settlementId: recordId(),
  paidOn: isoDay,
  reference: text().trim().min(1, "settlements.errors.referenceRequired").max(80),
});

export const reopenSettlementSchema = z.object({ settlementId: recordId() });

export const confirmSettlementSchema = z.object({ cooperativeId: recordId(), settlementId: recordId() });

export const disputeSettlementSchema = z.object({
  cooperativeId: recordId(),
  settlementId: recordId(),
  note: text({ multiline: true }).trim().min(1, "settlements.errors.noteRequired").max(1000),
});
