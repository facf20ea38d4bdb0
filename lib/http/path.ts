// Paths that no page or route should see, refused with a 400 by proxy.ts (which also matches /api/auth for it).

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
