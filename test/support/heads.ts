import { ok, token, viaGateway } from './client.js';

/**
 * Heads as the platform knows them: "the head of X" and "the City Chairman" are checked against the organizations
 * data, so a test acting as a head uses a person the organizations subgraph records as heading X today — found, or
 * created and appointed here through the API, as Home Affairs would.
 */
const homeAffairs = () => token('HOME_AFFAIRS', { sub: 'test-heads-home-affairs' });

async function call<T>(query: string, variables: Record<string, unknown>, bearer: string | null = null): Promise<T> {
  return ok(await viaGateway<T>(query, variables, bearer));
}

const HEAD_TODAY = 'query($id: ID!) { organization(id: $id) { validFrom head { person { id } } } }';

/** A new person heading `organizationId` from `startDate` (or acting); returns the person and the assignment. */
export async function appoint(organizationId: string, startDate: string, options: { acting?: boolean; name?: string; title?: string } = {}) {
  const ha = await homeAffairs();
  const personId = (await call<{ createPerson: { id: string } }>('mutation($n: String!) { createPerson(fullName: $n) { id } }',
    { n: options.name ?? 'Người đứng đầu (thử nghiệm)' }, ha)).createPerson.id;
  const assignmentId = (await call<{ appointHead: { id: string } }>('mutation($input: AppointHeadInput!) { appointHead(input: $input) { id } }',
    { input: { personId, organizationId, startDate, title: options.title ?? 'Giám đốc', acting: options.acting ?? false } }, ha)).appointHead.id;
  return { personId, assignmentId };
}

/** Today in Hải Phòng, the day "heads X" is judged on. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * Whoever heads `organizationId` today. When nobody does, somebody is appointed: from the day it was founded, or
 * as acting head from today with `actingFromToday` (which leaves every past year's heads as they were).
 */
export async function currentHead(organizationId: string, options: { actingFromToday?: boolean } = {}): Promise<string> {
  const org = (await call<{ organization: { validFrom: string; head: { person: { id: string } } | null } | null }>(HEAD_TODAY, { id: organizationId })).organization;
  if (!org) throw new Error(`no organization ${organizationId}`);
  if (org.head) return org.head.person.id;
  return (options.actingFromToday
    ? await appoint(organizationId, todayInVietnam(), { acting: true, title: 'Phó Giám đốc phụ trách' })
    : await appoint(organizationId, org.validFrom)).personId;
}

/** An ORG_HEAD token of the person heading `organizationId` today (see currentHead). */
export async function headToken(organizationId: string, options: { actingFromToday?: boolean } = {}): Promise<string> {
  return token('ORG_HEAD', { sub: await currentHead(organizationId, options), org: organizationId });
}

/**
 * The city committee (code HP, one for the whole platform) and its chairman today: found, or made once. Files run
 * one after another and share it, so it is created from 2000 and its chairman appointed from 2019, whichever file
 * comes first.
 */
export async function cityAndChairman(): Promise<{ cityId: string; chairmanId: string }> {
  const found = (await call<{ organizationByCode: { id: string } | null }>('{ organizationByCode(code: "HP") { id } }', {})).organizationByCode;
  const cityId = found?.id ?? (await call<{ createOrganization: { id: string } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { code: 'HP', name: 'Ủy ban nhân dân thành phố Hải Phòng', kind: 'CITY_COMMITTEE', validFrom: '2000-01-01' } }, await homeAffairs())).createOrganization.id;
  const head = (await call<{ organization: { head: { person: { id: string } } | null } }>(HEAD_TODAY, { id: cityId })).organization.head;
  const chairmanId = head?.person.id ?? (await appoint(cityId, '2019-01-01', { name: 'Chủ tịch UBND thành phố', title: 'Chủ tịch' })).personId;
  return { cityId, chairmanId };
}

/** A CITY_CHAIR token of the City Chairman today. */
export async function chairToken(): Promise<string> {
  const { cityId, chairmanId } = await cityAndChairman();
  return token('CITY_CHAIR', { sub: chairmanId, org: cityId });
}
