/**
 * Who evaluates whom (docs/domain.md, The regulation, item 5): the head of the parent organization; for organizations directly under
 * the city committee — or with no parent recorded — the city committee, whose head is the City Chairman.
 */
export function evaluatorOrganizationId(organization: { id: string; parentId: string | null }, cityCommitteeId: string): string {
  if (organization.id === cityCommitteeId) return cityCommitteeId;
  return organization.parentId ?? cityCommitteeId;
}

/** The decision day: the calendar day in Hải Phòng (UTC+7) at the moment of deciding. */
export function decisionDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
