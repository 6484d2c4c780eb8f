import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { ROOT } from '../../scripts/platform.js';
import { AUTHORIZATION, expected, type Row } from '../authorization-matrix.js';
import { direct, viaGateway, type GraphQLResponse } from '../support/client.js';
import { buildWorld, callerToken, CALLERS, type CallerName, type World } from './fixture.js';

/** What a caller actually got: an authorization refusal, the record, the record hidden, or a crash (never fine). */
function outcome(response: GraphQLResponse, row: Row, w: World): string {
  const codes = (response.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  const unexpected = codes.filter((c) => !['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'].includes(c));
  if (unexpected.length) return `${unexpected.join(',')}: ${response.errors![0]!.message}`;
  if (row.shows && !codes.length) return row.shows(response.data, w) ? 'allowed' : 'hidden';
  return 'allowed';
}

function supergraphOperations(): string[] {
  const sdl = readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const names: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) names.push(`${root!.name}.${field}`);
  }
  // Private fields on entities: every audit trail, wherever a subgraph adds one.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && type.getFields().auditTrail) names.push(`${type.name}.auditTrail`);
  }
  return names;
}

describe('the authorization table covers the whole API', () => {
  it('lists every query, every mutation and every audit trail of schema/supergraph.graphql (new operations cannot slip in unguarded)', () => {
    const missing = supergraphOperations().filter((name) => !(name in AUTHORIZATION));
    expect(missing, 'add these to test/authorization-matrix.ts').toEqual([]);
    const stale = Object.keys(AUTHORIZATION).filter((name) => !supergraphOperations().includes(name));
    expect(stale, 'these rows name operations the supergraph no longer has').toEqual([]);
  });
});

describe('every cell of the authorization table, through the gateway and directly at the owning subgraph', () => {
  let world: World;
  beforeAll(async () => { world = await buildWorld(); }, 180_000);

  for (const [name, row] of Object.entries(AUTHORIZATION)) {
    const allowed = row.public ? 'everyone' : (row.allow ?? []).join(', ') || 'nobody';
    it(`${name} (${row.owner}): ${allowed}${row.hidden ? `; hidden from ${row.hidden.join(', ')}` : ''}`, async () => {
      const { query, variables } = row.request(world);
      const cells = await Promise.all(CALLERS.flatMap((caller: CallerName) => (['gateway', 'direct'] as const).map(async (route) => {
        const bearer = await callerToken(caller, world, row.owner);
        const response = route === 'gateway' ? await viaGateway(query, variables, bearer) : await direct(row.owner, query, variables, bearer);
        return { caller, route, want: expected(row, caller, route), got: outcome(response, row, world) };
      })));
      const wrong = cells.filter((c) => c.want !== c.got).map((c) => `${c.caller} via ${c.route}: expected ${c.want}, got ${c.got}`);
      expect(wrong).toEqual([]);
    });
  }
});

/** The number of cells, for the README's figures. */
export const CELLS = Object.keys(AUTHORIZATION).length * CALLERS.length * 2;
