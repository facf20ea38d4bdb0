// Paths that no page should see: shared by proxy.ts and the route handlers it does not run for (/api).

/**
 * True when every percent-escape in the path decodes (`/cooperatives/%FF` or `%%%` do not: a page would throw) and
 * the decoded path holds no control character (`/products/%00` would reach PostgreSQL, which refuses NUL).
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    // eslint-disable-next-line no-control-regex -- control characters are what is refused here.
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}
