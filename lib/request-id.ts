// The per-request id that ties a request's log lines together. proxy.ts sets it on every page and action
// request (as a request header, so server code reads it with headers()) and on the response.
export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and . _ : - only, 8 to 128 characters: safe to copy into a log line or a response header. */
export const isSafeRequestId = (id: string | null | undefined): id is string => !!id && /^[A-Za-z0-9._:-]{8,128}$/.test(id);

/** The id a load balancer or tracing proxy in front of us sent, when it looks safe; else a new one. */
export function requestIdFor(incoming: string | null): string {
  return isSafeRequestId(incoming) ? incoming : crypto.randomUUID();
}
