/**
 * An organization cannot sit under itself: the new parent and its own parent chain (nearest first) must not
 * contain the organization.
 */
export function becomesOwnAncestor(organizationId: string, newParentId: string, parentChainOfNewParent: readonly string[]): boolean {
  return newParentId === organizationId || parentChainOfNewParent.includes(organizationId);
}
