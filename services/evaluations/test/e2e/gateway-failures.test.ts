import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, type SubgraphHandle } from 'subgraph-kit';
import { createEvaluationsSubgraph } from 'evaluations';
import { expectError, gql, ok, platform, sql, tableCounts, unique, viaGateway } from '../../../../test/support/client.js';
import { M, cityChairman, cityCommittee, cityRule, createOrganization, homeAffairs, newHead, publishBlock } from '../support.js';

/**
 * proposeHeadEvaluations reads the ranking and the head assignments through the gateway inside the request. When
 * that read fails, the request fails clearly and nothing is half-created. A second evaluations service on the same
 * database is pointed at a gateway that is down, and at one whose index subgraph is down.
 */
let block: string;
let brokenGateway: Server;
const instances: SubgraphHandle[] = [];

async function evaluationsBehind(gatewayUrl: string) {
  const handle = await createEvaluationsSubgraph({
    databaseUrl: platform().databaseUrls.evaluations,
    auth: { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256', publicJwk: JSON.parse(platform().publicJwk) },
    gatewaySecret: 'not-the-platform-gateway',
    gatewayUrl,
    development: false,
  });
  instances.push(handle);
  return handle.url;
}

beforeAll(async () => {
  const ha = await homeAffairs();
  const city = await cityCommittee();
  const chair = await cityChairman();
  await cityRule();
  const units = [await createOrganization('DEPARTMENT', { parentId: city.id }), await createOrganization('DEPARTMENT', { parentId: city.id })];
  for (const u of units) await newHead(u.id, '2020-01-01');
  block = unique('GW');
  await publishBlock({ year: 2023, block, ownerId: city.id, admin: ha, publisher: chair.token, units: [{ id: units[0]!.id, index: 91.5 }, { id: units[1]!.id, index: 66 }] });
  // What a gateway answers when the subgraph behind a field is down.
  brokenGateway = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { ranking: null }, errors: [{ message: "Couldn't reach subgraph reform-index", path: ['ranking'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
  });
  await new Promise<void>((resolve) => brokenGateway.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const h of instances) await h.stop();
  await new Promise<void>((resolve) => brokenGateway?.close(() => resolve()));
});

describe('proposing when another subgraph cannot be read', () => {
  it('the gateway unreachable: a clear error, nothing written', async () => {
    const url = await evaluationsBehind('http://127.0.0.1:9/graphql');
    const before = await tableCounts('evaluations');
    const error = expectError(await gql(url, M.propose, { y: 2023, b: block }, await homeAffairs()), 'INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(/gateway is unreachable.*nothing was changed/);
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('the index subgraph down behind the gateway: a clear error, nothing written', async () => {
    const address = brokenGateway.address() as { port: number };
    const url = await evaluationsBehind(`http://127.0.0.1:${address.port}/graphql`);
    const before = await tableCounts('evaluations');
    const error = expectError(await gql(url, M.propose, { y: 2023, b: block }, await homeAffairs()), 'INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(/reform-index/);
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});

describe('two proposals at the same time create no duplicates', () => {
  it('the unique (year, organization, person) key lets one of them insert', async () => {
    const ha = await homeAffairs();
    const results = await Promise.all([viaGateway(M.propose, { y: 2023, b: block }, ha), viaGateway(M.propose, { y: 2023, b: block }, ha)]);
    for (const r of results) expect(ok(r as never)).toBeTruthy();
    const rows = await sql('evaluations', 'select organization_id, person_id, count(*)::int as n from head_evaluation where year = 2023 and block = $1 group by 1, 2', [block]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
