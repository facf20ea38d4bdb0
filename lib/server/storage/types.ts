// The one small interface every photo store implements (local folder, S3-compatible bucket). Keys are
// checked by isStorageKey before any driver sees them, so no key can name a path outside the store.

export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** Bytes, when the store knows it (Content-Length). */
  size?: number;
}

export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none under this key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

// Segments of letters, digits, _ and -, separated by single slashes, ending in a known extension: no "..", no
// leading slash, no backslash, no empty segment, nothing a file system or an S3 store would read specially.
// PDFs are invoices (issue 15): private, served only by their guarded route (app/media serves .webp renditions only).
const KEY = /^[A-Za-z0-9_-]{1,64}(?:\/[A-Za-z0-9_-]{1,64}){0,4}\.(?:webp|pdf)$/;

export function isStorageKey(key: string): boolean {
  return key.length <= 300 && KEY.test(key);
}

export const CONTENT_TYPES: Record<string, string> = { webp: "image/webp", pdf: "application/pdf" };

export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = "InvalidStorageKeyError";
  }
}

export function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new InvalidStorageKeyError(key);
}
