/**
 * Who evaluates whom (docs/domain.md, The regulation, item 5): the head of the parent organization; for organizations directly under
 * the city committee — or with no parent recorded — the city committee, whose head is the City Chairman.
 */
export function evaluatorOrganizationId(organization: { id: string; parentId: string | null }, cityCommitteeId: string): string {
  if (organization.id === cityCommitteeId) return cityCommitteeId;
  return organization.parentId ?? cityCommitteeId;
}

export interface OrgOnDay { id: string; validFrom: string; validTo: string | null }

export const existsOn = (org: OrgOnDay, day: string) => org.validFrom <= day && (org.validTo === null || org.validTo >= day);

/**
 * Whose head decides on `day`: the evaluator organization while it exists; once it is gone, its successor that
 * exists that day; where it has none (the districts abolished in 2025), the city committee.
 */
export function decidingOrganizationId(evaluator: OrgOnDay & { successors: OrgOnDay[] }, day: string, cityCommitteeId: string): string {
  if (existsOn(evaluator, day)) return evaluator.id;
  const successor = evaluator.successors.find((s) => existsOn(s, day));
  return successor ? successor.id : cityCommitteeId;
}

/** The decision day: the calendar day in Hải Phòng (UTC+7) at the moment of deciding. */
export function decisionDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
