import { describe, expect, it } from 'vitest';
import { expectError, ok, sql, tableCounts, token, viaGateway } from '../../../../test/support/client.js';
import { cityChairman, createOrganization, headToken, homeAffairs, newHead } from '../support.js';

const PROPOSE = `mutation($input: CommendationInput!) { proposeCommendation(input: $input) { id year status reason decisionComment organization { id name } headAssignment { id } } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String) { decideCommendation(id: $id, accept: $accept, comment: $comment) { id status decisionComment } }`;
const OPEN = `mutation($input: HandlingCaseInput!) { openHandlingCase(input: $input) { id status reason outcome organization { id } } }`;
const CLOSE = `mutation($id: ID!, $outcome: String!) { closeHandlingCase(id: $id, outcome: $outcome) { id status outcome } }`;
const REPORT = `mutation($input: ObstacleInput!) { reportObstacle(input: $input) { id status areaCode description organization { id } } }`;
const RESPOND = `mutation($id: ID!, $response: String!, $status: ObstacleStatus!) { respondToObstacle(id: $id, response: $response, status: $status) { id status response } }`;
const SUMMARY = `query($year: Int!) { annualSummary(year: $year) { year levelCounts { level count } evaluations { id } commendations { id status }
  handlingCases { id status } obstaclesByArea { areaCode count } } }`;

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const YEAR = 2031; // a year no other file reports on, so the summary's counts are this file's alone

describe('commendations: Home Affairs proposes, the City Chairman decides', () => {
  it('goes PROPOSED → ACCEPTED once, with an audit record each step', async () => {
    const org = await createOrganization('DEPARTMENT');
    const proposal = ok(await viaGateway<{ proposeCommendation: { id: string; status: string; organization: { id: string; name: string } } }>(PROPOSE, {
      input: { year: YEAR, organizationId: org.id, reason: 'Dẫn đầu khối sở về Chỉ số CCHC' },
    }, await homeAffairs())).proposeCommendation;
    expect(proposal).toMatchObject({ status: 'PROPOSED', organization: { id: org.id, name: org.name } });
    const chair = (await cityChairman()).token;
    expect(ok(await viaGateway<{ decideCommendation: unknown }>(DECIDE, { id: proposal.id, accept: true, comment: 'Đồng ý' }, chair)).decideCommendation)
      .toEqual({ id: proposal.id, status: 'ACCEPTED', decisionComment: 'Đồng ý' });
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(DECIDE, { id: proposal.id, accept: false }, chair), 'CONFLICT');
    expect(await tableCounts('evaluations')).toEqual(before);
    const audit = await sql('evaluations', 'select action from audit_record where entity_id = $1 order by id', [proposal.id]);
    expect(audit.map((a) => a.action)).toEqual(['proposeCommendation', 'decideCommendation']);
  });

  it('refuses anyone else, an unknown organization, an empty reason and a head assignment of another organization', async () => {
    const org = await createOrganization('DEPARTMENT');
    const own = await newHead(org.id, '2020-01-01');
    const head = await headToken(own.personId, org.id); // its real head: commendations are still Home Affairs' to propose
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(PROPOSE, { input: { year: YEAR, organizationId: org.id, reason: 'x' } }, head), 'FORBIDDEN');
    expectError(await viaGateway(PROPOSE, { input: { year: YEAR, organizationId: NOWHERE, reason: 'x' } }, await homeAffairs()), 'BAD_USER_INPUT', 'input.organizationId');
    expectError(await viaGateway(PROPOSE, { input: { year: YEAR, organizationId: org.id, reason: '  ' } }, await homeAffairs()), 'BAD_USER_INPUT', 'input.reason');
    const elsewhere = await newHead((await createOrganization('DEPARTMENT')).id, '2020-01-01');
    expectError(await viaGateway(PROPOSE, { input: { year: YEAR, organizationId: org.id, headAssignmentId: elsewhere.assignmentId, reason: 'x' } }, await homeAffairs()), 'BAD_USER_INPUT', 'input.headAssignmentId');
    expect(await tableCounts('evaluations')).toEqual(before);
    const proposal = ok(await viaGateway<{ proposeCommendation: { id: string; headAssignment: { id: string } } }>(PROPOSE, { input: { year: YEAR, organizationId: org.id, headAssignmentId: own.assignmentId, reason: 'Tốt' } }, await homeAffairs())).proposeCommendation;
    expect(proposal.headAssignment).toEqual({ id: own.assignmentId });
    expectError(await viaGateway(DECIDE, { id: proposal.id, accept: true }, await homeAffairs()), 'FORBIDDEN');
  });
});

describe('handling cases: Home Affairs opens and closes them with an outcome', () => {
  it('goes OPEN → CLOSED once; an empty outcome is bad input', async () => {
    const org = await createOrganization('DISTRICT_COMMITTEE');
    const opened = ok(await viaGateway<{ openHandlingCase: { id: string; status: string } }>(OPEN, {
      input: { year: YEAR, organizationId: org.id, reason: 'Chỉ số CCHC thấp nhất khối hai năm liền' },
    }, await homeAffairs())).openHandlingCase;
    expect(opened.status).toBe('OPEN');
    const before = await tableCounts('evaluations');
    expectError(await viaGateway(CLOSE, { id: opened.id, outcome: ' ' }, await homeAffairs()), 'BAD_USER_INPUT', 'outcome');
    expectError(await viaGateway(CLOSE, { id: opened.id, outcome: 'Kiểm điểm' }, (await cityChairman()).token), 'FORBIDDEN');
    expect(await tableCounts('evaluations')).toEqual(before);
    expect(ok(await viaGateway<{ closeHandlingCase: unknown }>(CLOSE, { id: opened.id, outcome: 'Kiểm điểm trách nhiệm người đứng đầu' }, await homeAffairs())).closeHandlingCase)
      .toEqual({ id: opened.id, status: 'CLOSED', outcome: 'Kiểm điểm trách nhiệm người đứng đầu' });
    expectError(await viaGateway(CLOSE, { id: opened.id, outcome: 'Lại' }, await homeAffairs()), 'CONFLICT');
  });
});

describe("obstacles: a unit's head or staff report for their own unit, Home Affairs answers", () => {
  it('staff report for their unit; another unit\'s staff and Home Affairs cannot', async () => {
    const org = await createOrganization('COMMUNE_COMMITTEE');
    const staff = await token('ORG_STAFF', { org: org.id, sub: 'staff-1' });
    const report = ok(await viaGateway<{ reportObstacle: { id: string; status: string } }>(REPORT, {
      input: { year: YEAR, organizationId: org.id, areaCode: 'TTHC', description: 'Phần mềm một cửa chưa liên thông' },
    }, staff)).reportObstacle;
    expect(report.status).toBe('OPEN');
    const before = await tableCounts('evaluations');
    const outsider = await token('ORG_STAFF', { org: (await createOrganization('COMMUNE_COMMITTEE')).id });
    expectError(await viaGateway(REPORT, { input: { year: YEAR, organizationId: org.id, description: 'x' } }, outsider), 'FORBIDDEN');
    expectError(await viaGateway(REPORT, { input: { year: YEAR, organizationId: org.id, description: 'x' } }, await homeAffairs()), 'FORBIDDEN');
    expectError(await viaGateway(REPORT, { input: { year: YEAR, organizationId: org.id, description: ' ' } }, staff), 'BAD_USER_INPUT', 'input.description');
    expectError(await viaGateway(RESPOND, { id: report.id, response: 'Đã chuyển', status: 'OPEN' }, await homeAffairs()), 'BAD_USER_INPUT', 'status');
    expect(await tableCounts('evaluations')).toEqual(before);
    expect(ok(await viaGateway<{ respondToObstacle: unknown }>(RESPOND, { id: report.id, response: 'Sở TTTT hỗ trợ kết nối', status: 'ANSWERED' }, await homeAffairs())).respondToObstacle)
      .toEqual({ id: report.id, status: 'ANSWERED', response: 'Sở TTTT hỗ trợ kết nối' });
    ok(await viaGateway(RESPOND, { id: report.id, response: 'Đã liên thông', status: 'RESOLVED' }, await homeAffairs()));
    expectError(await viaGateway(RESPOND, { id: report.id, response: 'Lại', status: 'ANSWERED' }, await homeAffairs()), 'CONFLICT');
    const own = ok(await viaGateway<{ obstacleReports: { id: string }[] }>('query($y: Int!) { obstacleReports(year: $y) { id } }', { y: YEAR }, staff)).obstacleReports;
    expect(own).toEqual([{ id: report.id }]);
  });
});

describe("the annual summary is Home Affairs' and the City Chairman's", () => {
  it('counts commendations, handling cases and obstacles per area for the year', async () => {
    const before = ok(await viaGateway<{ annualSummary: any }>(SUMMARY, { year: YEAR }, await homeAffairs())).annualSummary;
    const org = await createOrganization('COMMUNE_COMMITTEE');
    const head = await headToken((await newHead(org.id, '2020-01-01')).personId, org.id);
    for (const areaCode of ['TCBM', 'TCBM', null]) {
      ok(await viaGateway(REPORT, { input: { year: YEAR, organizationId: org.id, areaCode, description: 'Thiếu biên chế' } }, head));
    }
    ok(await viaGateway(PROPOSE, { input: { year: YEAR, organizationId: org.id, reason: 'Tiến bộ vượt bậc' } }, await homeAffairs()));
    ok(await viaGateway(OPEN, { input: { year: YEAR, organizationId: org.id, reason: 'Trì trệ' } }, await homeAffairs()));
    const after = ok(await viaGateway<{ annualSummary: any }>(SUMMARY, { year: YEAR }, (await cityChairman()).token)).annualSummary;
    const count = (s: any, area: string | null) => s.obstaclesByArea.find((o: any) => o.areaCode === area)?.count ?? 0;
    expect(count(after, 'TCBM') - count(before, 'TCBM')).toBe(2);
    expect(count(after, null) - count(before, null)).toBe(1);
    expect(after.commendations.length - before.commendations.length).toBe(1);
    expect(after.handlingCases.length - before.handlingCases.length).toBe(1);
    expect(after.levelCounts.map((l: any) => l.level)).toEqual(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED']);
  });

  it('refuses everyone else', async () => {
    expectError(await viaGateway(SUMMARY, { year: YEAR }, await token('ORG_HEAD', { org: 'x' })), 'FORBIDDEN');
    expectError(await viaGateway(SUMMARY, { year: YEAR }), 'UNAUTHENTICATED');
  });
});
