/**
 * Who administers and who publishes a block — a ranking block of the index, and what hangs on it (its heads'
 * evaluations, the level rules of its owner) — docs/domain.md, The PAR index and Who acts. A block the city
 * committee owns is administered by Home Affairs (the reform secretariat) and published by the City Chairman; a
 * block a department, agency or district runs for its own units is both administered and published by that
 * owner's head.
 *
 * The answer is an authority, not a yes or no: whether the caller holds it is the subgraph's check (a head or the
 * chairman is confirmed through the organizations data, once per request).
 */
export type BlockAuthority = { role: 'HOME_AFFAIRS' } | { cityChair: true } | { headOf: string };

export interface BlockOwner {
  /** The owner organization's id. */
  id: string;
  /** The owner is the city committee (its kind in the organizations directory is CITY_COMMITTEE). */
  cityOwned: boolean;
}

/** Whether an organization of this kind (as the organizations directory spells it) is the city committee. */
export const isCityCommitteeKind = (kind: string): boolean => kind === 'CITY_COMMITTEE';

export const blockOwner = (owner: { id: string; kind: string }): BlockOwner => ({ id: owner.id, cityOwned: isCityCommitteeKind(owner.kind) });

export const blockAdministrator = (owner: BlockOwner): BlockAuthority => (owner.cityOwned ? { role: 'HOME_AFFAIRS' } : { headOf: owner.id });

export const blockPublisher = (owner: BlockOwner): BlockAuthority => (owner.cityOwned ? { cityChair: true } : { headOf: owner.id });
