/**
 * Owners that no longer exist (docs/domain.md, Who acts): what an organization owned or decided passes, on a given
 * day, to its successor that exists that day; with none (the districts abolished in 2025), to the city committee.
 */
export interface DatedOrganization {
  id: string;
  /** First day it exists (ISO date). */
  validFrom: string;
  /** Last day it exists, or null while it does. */
  validTo: string | null;
}

export const existsOn = (org: DatedOrganization, day: string): boolean => org.validFrom <= day && (org.validTo === null || org.validTo >= day);

/** Whose head acts for `owner` on `day`: the owner while it exists, else its successor existing that day, else the city committee. */
export function actingOwnerId(owner: DatedOrganization & { successors: DatedOrganization[] }, day: string, cityCommitteeId: string): string {
  if (existsOn(owner, day)) return owner.id;
  const successor = owner.successors.find((s) => existsOn(s, day));
  return successor ? successor.id : cityCommitteeId;
}
