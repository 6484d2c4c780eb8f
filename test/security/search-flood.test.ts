import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { direct, expectError, ok, platform, sql, sqlStatements, token, unique, viaGateway } from '../support/client.js';
import { searchPatterns, SEARCH_MAX_CHARACTERS, SEARCH_MAX_WORDS } from '../../services/organizations/src/rules/search-text.js';

/**
 * Issue 10, item 5. A search of 9,000 words became 9,000 LIKE conditions (1.3–4.6 s per query); 16 such queries
 * at once made the organizations subgraph unreachable. A search is now at most 8 words and 200 characters, and each
 * word is answered by the trigram index on the folded search text.
 */

const SEARCH = 'query($s: String!) { organizations(filter: { search: $s }, first: 50) { totalCount edges { node { id } } } }';

async function createOrganization(code: string, name: string) {
  return ok(await viaGateway<{ createOrganization: { id: string } }>('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { code, name, kind: 'DEPARTMENT', validFrom: '2020-01-01' } }, await token('HOME_AFFAIRS'))).createOrganization.id;
}

/** EXPLAIN of a statement on the organizations database, as the planner would run it now. */
/**
 * The plan of a statement when the planner may not read the whole table: with sequential and plain index scans off,
 * only a bitmap scan of an index that can answer LIKE '%word%' remains. Which plan PostgreSQL prefers on a given day
 * depends on its statistics; what must never change is that the trigram index can serve the search at all.
 */
async function planOf(statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: platform().adminDatabaseUrls.organizations });
  await client.connect();
  try {
    await client.query('set enable_seqscan = off');
    await client.query('set enable_indexscan = off');
    const rows = (await client.query(`explain ${statement}`)).rows as Record<string, string>[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('a search with thousands of words cannot stall the organizations subgraph', () => {
  const tag = unique('TRGM').toLowerCase().replace(/[^a-z0-9]/g, '');
  let wardId: string;
  // Eight words, 200 characters: the most a search may be, and every word matches the ward.
  const atLimit = () => {
    const words = ['uy', 'ban', 'nhan', 'dan', 'phuong', 'hong', 'bang', tag];
    const text = words.join(' ');
    return `${text}${' '.repeat(SEARCH_MAX_CHARACTERS - text.length)}`;
  };

  beforeAll(async () => {
    wardId = await createOrganization(unique('PHB'), `Ủy ban nhân dân phường Hồng Bàng ${tag}`);
  });

  it('9,000 words are refused at once, naming the field, through the gateway and directly', async () => {
    const flood = Array.from({ length: 9000 }, (_, i) => `w${i % 10}`).join(' ').slice(0, 19_999);
    for (const call of [() => viaGateway(SEARCH, { s: flood }), async () => direct('organizations', SEARCH, { s: flood }, await token('PARTNER', { scope: 'organizations:read' }))]) {
      const statements = await sqlStatements('organizations');
      const error = expectError(await call(), 'BAD_USER_INPUT');
      // Refused before any SQL (each such search used to hold a connection for 1.3–4.6 s).
      expect(await sqlStatements('organizations')).toBe(statements);
      expect(error.extensions?.field).toBe('filter.search');
    }
    const nine = expectError(await viaGateway(SEARCH, { s: 'a b c d e f g h i' }), 'BAD_USER_INPUT');
    expect([nine.extensions?.field, nine.message]).toEqual(['filter.search', `filter.search: must be at most ${SEARCH_MAX_WORDS} words (it has 9)`]);
    const long = expectError(await viaGateway(SEARCH, { s: 'x'.repeat(SEARCH_MAX_CHARACTERS + 1) }), 'BAD_USER_INPUT');
    expect(long.extensions?.field).toBe('filter.search');
  });

  it('16 concurrent searches at the limit all answer, diacritics ignored', async () => {
    expect(atLimit()).toHaveLength(SEARCH_MAX_CHARACTERS);
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      viaGateway<{ organizations: { totalCount: number; edges: { node: { id: string } }[] } }>(SEARCH, { s: i % 2 ? atLimit() : atLimit().replace('hong bang', 'HỒNG BÀNG') })));
    for (const answer of answers) expect(ok(answer).organizations).toEqual({ totalCount: 1, edges: [{ node: { id: wardId } }] });
    // And the subgraph still answers everything else.
    expect(ok(await viaGateway<{ organization: { id: string } }>('query($id: ID!) { organization(id: $id) { id } }', { id: wardId })).organization.id).toBe(wardId);
  });

  it('on a directory of 20,000 organizations, each word is answered by the trigram index on the folded search text', async () => {
    // Written straight into the database (20,000 mutations would take minutes), all sharing the common words of
    // Vietnamese unit names, and removed afterwards so other files see the directory they built.
    const prefix = unique('BULK');
    await sql('organizations', `insert into organization (id, code, name, kind, valid_from, search_text)
      select gen_random_uuid(), $1 || '-' || n, 'Ủy ban nhân dân xã Thử ' || n, 'SUBORDINATE_UNIT', '2020-01-01', lower($1 || '-' || n) || ' uy ban nhan dan xa thu ' || n
      from generate_series(1, 20000) as n`, [prefix]);
    try {
      await sql('organizations', 'analyze organization');
      const client = new pg.Client();
      const patterns = (searchPatterns(atLimit()) as { patterns: string[] }).patterns;
      expect(patterns).toHaveLength(SEARCH_MAX_WORDS);
      const where = patterns.map((p) => `search_text like ${client.escapeLiteral(p)}`).join(' and ');
      // The two statements the directory runs for a search: the page (in code order) and the total.
      for (const statement of [`select * from organization where ${where} order by code, id limit 51`, `select count(*) from organization where ${where}`]) {
        const plan = await planOf(statement);
        expect(plan, plan).toMatch(/Bitmap Index Scan on organization_search_text_trgm/);
        expect(plan, plan).not.toMatch(/Seq Scan/);
      }
      expect(ok(await viaGateway<{ organizations: { totalCount: number } }>(SEARCH, { s: atLimit() })).organizations.totalCount).toBe(1);
    } finally {
      await sql('organizations', `delete from organization where code like $1 || '-%'`, [prefix]);
    }
  });
});
