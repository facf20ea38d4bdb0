// Input of the monitoring actions (messages are keys into messages/*.json, translated by the action chain).
import { z } from "zod";
import { recordId, text } from "@/lib/validation/text";

const note = text({ multiline: true }).trim().max(1000, "monitoring.errors.noteTooLong");

export const followUpSchema = z.object({
  flagId: recordId(),
  kind: z.enum(["VISITED", "ACTION", "NOTE"], { message: "monitoring.errors.kind" }),
  note: note.min(1, "monitoring.errors.noteRequired"),
});

export const decideSchema = z.object({
  flagId: recordId(),
  decision: z.enum(["KEPT", "RESOLVED"], { message: "monitoring.errors.decision" }),
  note: note.optional().default(""),
});

export const markSchema = z.object({ flagId: recordId() });

export const lineSchema = z.object({ lineYuan: text().trim().max(20, "monitoring.errors.line") });

export const runSchema = z.object({});

const withCooperative = <T extends z.ZodRawShape>(s: z.ZodObject<T>) => s.extend({ cooperativeId: recordId() });
export const coopFollowUpSchema = withCooperative(followUpSchema);
export const coopDecideSchema = withCooperative(decideSchema);
export const coopMarkSchema = withCooperative(markSchema);
