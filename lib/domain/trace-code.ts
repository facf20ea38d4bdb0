// The code in a batch's public origin page, /trace/<code>, printed as a QR code on bottles and cans: short
// enough to type from a label, unguessable (not the database id, not a counter), and free of letters a person
// misreads (no 0/o, 1/l/i). 10 symbols of a 31-letter alphabet: about 49.5 bits.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const TRACE_CODE_LENGTH = 10;
const PATTERN = new RegExp(`^[0-9a-z]{8,16}$`);

/** A new code from `random` (crypto-strong by default); rejection sampling keeps every symbol equally likely. */
export function newTraceCode(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let code = "";
  const limit = 256 - (256 % ALPHABET.length); // 248: bytes at or above it would favour the first letters
  while (code.length < TRACE_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte >= limit) continue;
      code += ALPHABET[byte % ALPHABET.length];
      if (code.length === TRACE_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Whether a path segment could be a trace code at all (codes from before this module are 10 hex digits). */
export function isTraceCodeShape(value: string): boolean {
  return PATTERN.test(value);
}
