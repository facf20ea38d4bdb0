// What an admin of the county e-commerce centre sends when deciding a product's certification (扶贫产品认定):
// approve with a certificate number and its validity, reject or revoke with a reason, feature on the home page.
// Messages are keys into messages/*.json ("certification.errors.*"), translated by the action chain. That a
// certificate number is not already another product's is checked by the write (lib/server/listings/certification.ts).
import { z } from "zod";
import { beijingDayOf } from "@/lib/domain/calendar";
import { recordId, text } from "./text";

/** The longest validity a certificate may be given, in years. */
export const MAX_VALIDITY_YEARS = 5;
/** The validity the approval form proposes, in years from today. */
export const DEFAULT_VALIDITY_YEARS = 3;

// Letters, digits, "-" and "/", and the Chinese a county office writes on its certificates, e.g.
// 冀扶贫认字(2026)第0012号: Han characters and parentheses (half- or full-width, 〔〕 too).
export const CERTIFICATE_NUMBER = /^[\p{Script=Han}A-Z0-9][\p{Script=Han}A-Z0-9/()（）〔〕-]{2,38}[\p{Script=Han}A-Z0-9)）〕]$/u;

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The day `years` calendar years after `day` (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 Feb over into 1 Mar: step back to the month's last day instead.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The validity the approval form proposes: today (Beijing) to today + DEFAULT_VALIDITY_YEARS. */
export function defaultValidity(now: Date = new Date()): { validFrom: string; validUntil: string } {
  const today = beijingDayOf(now);
  return { validFrom: today, validUntil: addYears(today, DEFAULT_VALIDITY_YEARS) };
}

const day = (message: string) => text().trim().refine(isCalendarDay, message);

const reason = text({ multiline: true })
  .trim()
  .min(1, "certification.errors.reasonRequired")
  .min(2, "certification.errors.reasonShort")
  .max(500, "certification.errors.reasonLong");

/** The certificate number as stored: trimmed, upper case (a number is unique whatever its case). */
const certificateNumber = text()
  .trim()
  .toUpperCase()
  .min(1, "certification.errors.numberRequired")
  .min(4, "certification.errors.numberLength")
  .max(40, "certification.errors.numberLength")
  .regex(CERTIFICATE_NUMBER, "certification.errors.numberShape");

/**
 * Approval. `clock` is read when the input is parsed (not when the schema is built), so "not in the past" means
 * today in Beijing on the day the admin presses the button.
 */
export function makeCertifySchema(clock: () => Date = () => new Date()) {
  return z
    .object({
      productId: recordId(),
      certificateNumber,
      validFrom: day("certification.errors.dateInvalid"),
      validUntil: day("certification.errors.dateInvalid"),
    })
    .superRefine((v, ctx) => {
      // The fields' own refinements do not stop this one: a day that is not one was already reported.
      if (!isCalendarDay(v.validFrom) || !isCalendarDay(v.validUntil)) return;
      // Days written YYYY-MM-DD compare as strings.
      if (v.validFrom > v.validUntil) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "certification.errors.untilBeforeFrom" });
      else if (v.validUntil < beijingDayOf(clock())) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "certification.errors.untilPast" });
      else if (v.validUntil > addYears(v.validFrom, MAX_VALIDITY_YEARS)) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "certification.errors.tooLong" });
    });
}

export const certifySchema = makeCertifySchema();
export type CertifyInput = z.output<typeof certifySchema>;

export const rejectSchema = z.object({ productId: recordId(), reason });
export const revokeSchema = z.object({ productId: recordId(), reason });

export const featuredSchema = z.object({
  productId: recordId(),
  // A hidden field of the toggle's form: the state the admin asks for, so a repeated click cannot flip it back.
  featured: z.enum(["true", "false"], "validation.fixErrors").transform((v) => v === "true"),
});
