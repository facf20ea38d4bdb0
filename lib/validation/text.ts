// The one rule for free text from the browser: no control characters. PostgreSQL refuses a NUL byte in text
// (error 22021, a 500 before this rule), and no name, address, note or id has a reason to hold a C0 control
// character or DEL. Tab and line breaks are allowed where a field is multi-line; lone UTF-16 surrogates are
// refused too (they cannot be stored as UTF-8).
import { z } from "zod";

/** The message key (messages/*.json) shown for a field holding a control character. */
export const CONTROL_CHARACTER_MESSAGE = "validation.controlCharacters";

// eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
const CONTROL = /[\u0000-\u001F\u007F]/u;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/** True when the text holds no control character (tab, CR and LF allowed only with `multiline`) and is well-formed. */
export function isCleanText(value: string, multiline = false): boolean {
  return !(multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value) && value.isWellFormed();
}

/** A string schema with the rule applied; chain `.trim().min().max()` after it as usual. */
export const text = (options: { multiline?: boolean } = {}) =>
  z.string().refine((v) => isCleanText(v, options.multiline), CONTROL_CHARACTER_MESSAGE);

/** The id of a row (a cuid, or a slug) sent back by a form: non-empty, short, no control characters. */
export const recordId = () => text().min(1).max(40);

/** For parsers that clean rather than refuse (the catalog's search box): control characters become spaces. */
export const withoutControlCharacters = (value: string): string =>
  // eslint-disable-next-line no-control-regex -- as above
  value.replace(/[\u0000-\u001F\u007F]/gu, " ").toWellFormed();
