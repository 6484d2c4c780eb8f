/**
 * The floor: the combined report straight from PostgreSQL, one hand-written SQL query per database (run in
 * parallel, as the gateway calls the subgraphs), joined by organization id in the client. What PostgreSQL alone
 * costs for the rows the platform serves.
 */
import pg from 'pg';
import type { FloorSpec, RunsResult } from './load.js';

/** The same rows as the GraphQL report, in the same order (the organizations page order). */
export const FLOOR_SQL = {
  organizations: `
    select o.id, o.code, o.name, p.name as parent_name, h.title as head_title, pe.full_name as head_name
    from organization o
    left join organization p on p.id = o.parent_id
    left join head_assignment h on h.organization_id = o.id and h.start_date <= current_date and (h.end_date is null or h.end_date >= current_date)
    left join person pe on pe.id = h.person_id
    order by o.code, o.id`,
  'reform-index': `
    select organization_id, index_hundredths, rank, rank_of
    from assessment
    where year = $1 and status = 'PUBLISHED'`,
  evaluations: `
    select organization_id, final_level
    from head_evaluation
    where year = $1 and status = 'APPROVED'
    order by organization_id, year`,
} as const;

export interface ReportRow {
  code: string;
  name: string;
  parent: string | null;
  head: string | null;
  indexValue: number | null;
  rank: number | null;
  rankOf: number | null;
  levels: string[];
}

type Clients = Record<keyof typeof FLOOR_SQL, pg.Client>;

async function connect(urls: FloorSpec['databaseUrls']): Promise<Clients> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return [name, client] as const;
  }));
  return Object.fromEntries(entries) as Clients;
}

export async function floorReport(clients: Clients, year: number): Promise<ReportRow[]> {
  const [orgs, index, evaluations] = await Promise.all([
    clients.organizations.query({ text: FLOOR_SQL.organizations, name: 'floor-organizations' }),
    clients['reform-index'].query({ text: FLOOR_SQL['reform-index'], values: [year], name: 'floor-index' }),
    clients.evaluations.query({ text: FLOOR_SQL.evaluations, values: [year], name: 'floor-evaluations' }),
  ]);
  const byOrg = new Map<string, { index_hundredths: number; rank: number; rank_of: number }>();
  for (const r of index.rows) byOrg.set(r.organization_id, r);
  const levels = new Map<string, string[]>();
  for (const r of evaluations.rows) levels.set(r.organization_id, [...(levels.get(r.organization_id) ?? []), r.final_level]);
  return orgs.rows.map((o) => {
    const a = byOrg.get(o.id);
    return {
      code: o.code, name: o.name, parent: o.parent_name, head: o.head_name,
      indexValue: a ? a.index_hundredths / 100 : null, rank: a?.rank ?? null, rankOf: a?.rank_of ?? null,
      levels: levels.get(o.id) ?? [],
    };
  });
}

/** The floor report once, for comparing its rows with the platform's. */
export async function floorRows(urls: FloorSpec['databaseUrls'], year: number) {
  const clients = await connect(urls);
  try {
    return await floorReport(clients, year);
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.end()));
  }
}

export async function runFloor(spec: FloorSpec): Promise<RunsResult> {
  const pool = await Promise.all(Array.from({ length: spec.connections }, () => connect(spec.databaseUrls)));
  try {
    const times: number[] = [];
    let rows = 0;
    await Promise.all(pool.map((c) => floorReport(c, spec.year))); // warm: plans prepared
    const started = process.hrtime.bigint();
    const until = Date.now() + spec.seconds * 1000;
    await Promise.all(pool.map(async (clients) => {
      while (Date.now() < until || times.length < spec.minRuns) {
        const t = process.hrtime.bigint();
        rows = (await floorReport(clients, spec.year)).length;
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }));
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const sorted = [...times].sort((a, b) => a - b);
    return { kind: 'floor', runs: times.length, medianMs: sorted[sorted.length >> 1]!, perSecond: times.length / elapsed, rows };
  } finally {
    await Promise.all(pool.flatMap((c) => Object.values(c).map((x) => x.end())));
  }
}
