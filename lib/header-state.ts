import type { Role } from "@/lib/domain/permissions";

/** GET /api/me: the per-reader part of the storefront's header. */
export interface HeaderState {
  /** null: nobody is signed in. */
  role: Role | null;
  /** Units in the caller's cart (the guest cart of this browser when nobody is signed in). */
  cartCount: number;
}

/** Fired on window when something may have changed the header (an action succeeded): the header asks again. */
export const HEADER_STALE_EVENT = "shop:header-stale";
