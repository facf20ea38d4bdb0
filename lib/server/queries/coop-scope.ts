// The tenant of the cooperative area: every read of a cooperative's data takes the caller's cooperative ids
// (SessionUser.cooperativeIds) and answers nothing for any other cooperative, so a page or action that forgot
// its guard still cannot show another cooperative's rows (dub's getLinkOrThrow({ workspaceId, linkId })).

export interface CoopScope {
  /** The cooperatives the caller manages. */
  cooperativeIds: readonly string[];
}

/** One cooperative of the caller's, e.g. the one a page is about. */
export interface OneCoopScope extends CoopScope {
  cooperativeId: string;
}

export function inScope(scope: CoopScope, cooperativeId: string): boolean {
  return scope.cooperativeIds.includes(cooperativeId);
}
