import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, freePort } from 'subgraph-kit';
import { expectError, gql, ok, platform, sql, tableCounts, unique, viaGateway } from '../../../../test/support/client.js';
import { M, cityChairman, cityCommittee, cityRule, createOrganization, homeAffairs, newHead, publishBlock } from '../support.js';

/**
 * proposeHeadEvaluations reads the ranking and the head assignments through the gateway inside the request. When
 * that read fails, the request fails clearly and nothing is half-created. A second evaluations process, started
 * as it deploys (environment only) on the same database, is pointed at a stand-in for the gateway that either
 * drops the connection (gateway down) or answers as a gateway does when the index subgraph is down.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let block: string;
let mode: 'down' | 'index-down' = 'down';
let standIn: Server;
let child: ChildProcess;
let url: string;

async function startEvaluations(gatewayUrl: string) {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', path.join(ROOT, 'node_modules/tsx/dist/loader.mjs'), path.join(ROOT, 'services/evaluations/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), EVALUATIONS_DATABASE_URL: platform().databaseUrls.evaluations,
      GATEWAY_URL: gatewayUrl, GATEWAY_SECRET: 'not-the-platform-gateway', AUTH_ISSUER: DEFAULT_ISSUER, AUTH_AUDIENCE: DEFAULT_AUDIENCE,
      AUTH_ALGORITHM: 'ES256', AUTH_PUBLIC_JWK: platform().publicJwk, SERVICE_TOKEN: 'unused-by-the-stand-in',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`evaluations did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready at')) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`evaluations exited (${code}):\n${output}`)); });
  });
  child.removeAllListeners('exit');
  return `http://127.0.0.1:${port}/graphql`;
}

beforeAll(async () => {
  const ha = await homeAffairs();
  const city = await cityCommittee();
  const chair = await cityChairman();
  await cityRule();
  const units = [await createOrganization('DEPARTMENT', { parentId: city.id }), await createOrganization('DEPARTMENT', { parentId: city.id })];
  for (const u of units) await newHead(u.id, '2020-01-01');
  block = unique('GW');
  await publishBlock({ year: 2023, block, ownerId: city.id, admin: ha, publisher: chair.token, units: [{ id: units[0]!.id, index: 91.5 }, { id: units[1]!.id, index: 85 }] });
  standIn = createServer((req, res) => {
    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { ranking: null }, errors: [{ message: "Couldn't reach subgraph reform-index", path: ['ranking'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  url = await startEvaluations(`http://127.0.0.1:${(standIn.address() as { port: number }).port}/graphql`);
});

afterAll(async () => {
  if (child && child.exitCode === null) await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
  await new Promise<void>((resolve) => (standIn ? standIn.close(() => resolve()) : resolve()));
});

describe('proposing when another subgraph cannot be read', () => {
  it('the gateway unreachable: a clear error, nothing written', async () => {
    mode = 'down';
    const before = await tableCounts('evaluations');
    const error = expectError(await gql(url, M.propose, { y: 2023, b: block }, await homeAffairs()), 'INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(/gateway is unreachable.*nothing was changed/);
    expect(await tableCounts('evaluations')).toEqual(before);
  });

  it('the index subgraph down behind the gateway: a clear error, nothing written', async () => {
    mode = 'index-down';
    const before = await tableCounts('evaluations');
    const error = expectError(await gql(url, M.propose, { y: 2023, b: block }, await homeAffairs()), 'INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(/reform-index.*nothing was changed/);
    expect(await tableCounts('evaluations')).toEqual(before);
  });
});

describe('two proposals at the same time create no duplicates', () => {
  it('the unique (year, organization, person) key lets one of them insert', async () => {
    const ha = await homeAffairs();
    const results = await Promise.all([viaGateway(M.propose, { y: 2023, b: block }, ha), viaGateway(M.propose, { y: 2023, b: block }, ha)]);
    const [first, second] = results.map((r) => ok(r as never) as { proposeHeadEvaluations: { id: string; rank: number; proposedLevel: string }[] });
    expect(first!.proposeHeadEvaluations.map((e) => e.id).sort()).toEqual(second!.proposeHeadEvaluations.map((e) => e.id).sort());
    // 85 is in the EXCELLENT band, but the last of the block is capped at COMPLETED by the city's rule.
    expect(first!.proposeHeadEvaluations.map((e) => [e.rank, e.proposedLevel])).toEqual([[1, 'EXCELLENT'], [2, 'COMPLETED']]);
    const rows = await sql('evaluations', 'select organization_id, person_id, count(*)::int as n from head_evaluation where year = 2023 and block = $1 group by 1, 2', [block]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
