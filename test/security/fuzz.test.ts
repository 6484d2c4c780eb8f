import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { ROOT } from '../../scripts/platform.js';
import { direct, tableCounts, token, viaGateway, type GraphQLResponse } from '../support/client.js';
import { cityAndChairman } from '../support/heads.js';

/**
 * Bad input at scale: fast-check generates malformed and hostile arguments for every mutation of the supergraph
 * (and every query), sent through the gateway and straight to the owning subgraph with a token holding every
 * office. Every mutation case carries at least one defect that must make it fail — a value of the wrong type, an
 * impossible date, an id that does not exist, a blank name — around hostile values (SQL and script payloads,
 * huge strings, unicode edge cases, NaN/Infinity, out-of-range numbers). The platform must refuse each with a
 * client error (never INTERNAL_SERVER_ERROR, never a 5xx) and the row counts of every table must not move.
 * FUZZ_RUNS sets the number of cases (default 10,000; a nightly run takes more), FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const BATCH = 48;
const SUBGRAPHS = ['organizations', 'reform-index', 'evaluations'] as const;

const schema: GraphQLSchema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
/** The subgraph that resolves a root field, from the supergraph's @join__field(graph: …). */
function ownerOf(field: GraphQLField<unknown, unknown>): (typeof SUBGRAPHS)[number] {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value as { value?: string } | undefined;
  return String(graph?.value).toLowerCase().replace(/_/g, '-') as (typeof SUBGRAPHS)[number];
}

// ───────────── hostile but well-typed values ─────────────
const SQL = ["' OR '1'='1", "'; DROP TABLE organization; --", '" OR ""="', "1; SELECT pg_sleep(10)--", "$$; DELETE FROM audit_record; $$", "\\'; --", '%', '_', "' UNION SELECT * FROM pg_shadow --"];
const SCRIPT = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${process.exit()}', '__proto__', 'constructor', '../../../../etc/passwd'];
const UNICODE = ['Nguyễn Văn A', 'Ủy ban nhân dân', '\u202Eevil\u202C', 'a\u200Bb', '🏛️📊', '\uD83D', 'ｆｕｌｌｗｉｄｔｈ', 'e\u0301', '\u0000', 'line\nbreak\ttab', '\u00A0', 'İı', ''];
const hostileString = fc.oneof(
  fc.constantFrom(...SQL, ...SCRIPT, ...UNICODE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'Đ'.repeat(n)),
);
const unknownId = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '1', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', ' ', '../1', '%'));
const validDate = fc.constantFrom('2025-01-01', '2024-02-29', '1900-01-01', '9999-12-31', '2025-12-31');
const invalidDate = fc.constantFrom('2025-02-30', '2025-13-01', '0000-00-00', '2023-02-29', '2025-1-1', 'yesterday', '２０２５-01-01', '2025-01-01T00:00:00Z', '', '99999-01-01', '-2025-01-01');
const hostileInt = fc.oneof(fc.constantFrom(0, -1, 1, 2025, 1800, 3000, 2_147_483_647, -2_147_483_648), fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }));
const hostileFloat = fc.oneof(fc.constantFrom(0, -0, -1, 100.005, 0.001, 1e308, -1e308, 5e-324, 101, 99.999), fc.double({ noNaN: true, noDefaultInfinity: true }));

// ───────────── values of the wrong type (one per case, somewhere in the arguments) ─────────────
function wrongTypeFor(type: GraphQLInputType, n: number): unknown {
  const named = getNamedType(type);
  if (isNonNullType(type) && n % 5 === 0) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return n % 3 === 0 ? { not: 'a list' } : [wrongTypeFor(inner.ofType as GraphQLInputType, n + 1)];
  if (isInputObjectType(named)) return [`not an object`, 42, { unknownField: "'; DROP TABLE x; --" }][n % 3];
  if (isEnumType(named)) return ['NOT_A_VALUE', 3, 'department', ''][n % 4];
  switch (named.name) {
    case 'Int': return ['12', 1.5, 2 ** 31, -(2 ** 31) - 1, true, 'NaN', 1e21][n % 7];
    case 'Float': return ['NaN', 'Infinity', '1.5', true, { v: 1 }, [1]][n % 6];
    case 'Boolean': return ['true', 1, 0, 'yes', null][n % 5] ?? 'false';
    case 'String': return [12, true, { s: 'x' }, ['a'], 1.5][n % 5];
    case 'ID': return [true, { id: 1 }, 1.5, ['x']][n % 4];
    default: return [{}, true, 12345, []][n % 4]; // custom scalars (Date, DateTime): structurally wrong
  }
}

type Mode = 'hostile' | 'domain-poison';

function refersToIdOrDate(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID' || named.name === 'Date') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => refersToIdOrDate(f.type, seen));
}
const depthLimit = 3;

/** Arbitrary for a value of `type`. In domain-poison mode every id is unknown, every date impossible, and strings blank. */
function valueOf(type: GraphQLInputType, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, mode, depth);
  if (isListType(type)) return fc.array(valueOf(type.ofType as GraphQLInputType, mode, depth + 1), { maxLength: depth >= depthLimit ? 0 : 3 });
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, field] of Object.entries(fields)) {
      const arb = depth >= depthLimit && !isNonNullType(field.type) ? fc.constant(null) : valueOf(field.type, mode, depth + 1);
      // Poisoned cases always carry their optional ids and dates: the defect must be there to be refused.
      const always = isNonNullType(field.type) || (mode === 'domain-poison' && refersToIdOrDate(field.type));
      record[name] = always ? arb : fc.option(arb, { nil: undefined, freq: 3 });
    }
    return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  switch (type.name) {
    case 'ID': return mode === 'domain-poison' ? unknownId : fc.oneof(unknownId, hostileString);
    case 'String': return mode === 'domain-poison' ? fc.oneof(hostileString, fc.constantFrom('', '   ', '\t\n')) : hostileString;
    case 'Int': return hostileInt;
    case 'Float': return hostileFloat;
    case 'Boolean': return fc.boolean();
    case 'Date': return mode === 'domain-poison' ? invalidDate : fc.oneof(validDate, invalidDate);
    case 'DateTime': return fc.constantFrom('2025-01-01T00:00:00Z', 'not a time', '2025-02-30T25:61:00Z');
    default: return fc.constant(null);
  }
}

/** Every leaf position of a variables object, with its GraphQL type. */
function positions(value: unknown, type: GraphQLInputType, at: (string | number)[]): { path: (string | number)[]; type: GraphQLInputType }[] {
  const here = [{ path: at, type }];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) return [...here, ...value.flatMap((v, i) => positions(v, inner.ofType as GraphQLInputType, [...at, i]))];
  if (isInputObjectType(inner) && value && typeof value === 'object') {
    return [...here, ...Object.entries(inner.getFields()).filter(([k]) => k in (value as object)).flatMap(([k, f]) => positions((value as Record<string, unknown>)[k], f.type, [...at, k]))];
  }
  return here;
}

function setAt(target: Record<string, unknown>, at: (string | number)[], value: unknown) {
  let node: any = target;
  for (const key of at.slice(0, -1)) node = node[key];
  node[at.at(-1)!] = value;
}

interface Case { poison?: string; operation: string; owner: (typeof SUBGRAPHS)[number]; kind: 'mutation' | 'query'; mode: Mode | 'wrong-type'; query: string; variables: Record<string, unknown>; route: 'gateway' | 'direct' }

function documentFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>) {
  const args = field.args as readonly GraphQLArgument[];
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

function caseArbitrary(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): fc.Arbitrary<Case> {
  const args = field.args as readonly GraphQLArgument[];
  const query = documentFor(kind, field);
  const owner = ownerOf(field);
  const vars = (mode: Mode) => fc.record(Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, mode)]))) as fc.Arbitrary<Record<string, unknown>>;
  const route = fc.constantFrom<'gateway' | 'direct'>('gateway', 'gateway', 'gateway', 'direct');
  const wrongType = fc.tuple(vars('hostile'), fc.nat(), route).map(([variables, n, r]): Case => {
    const spots = args.flatMap((a) => positions(variables[a.name], a.type, [a.name]));
    const spot = spots[n % Math.max(1, spots.length)];
    if (spot) setAt(variables, spot.path, wrongTypeFor(spot.type, n));
    else variables.__extra = 'no arguments here';
    return { operation: field.name, owner, kind, mode: 'wrong-type', query, variables, route: r, poison: spot?.path.join('.') };
  });
  // An operation with no id and no date anywhere (createPerson) is poisoned by blank text instead.
  const hasIdOrDate = args.some((a) => refersToIdOrDate(a.type));
  const blankVars = fc.record(Object.fromEntries(args.map((a) => [a.name, getNamedType(a.type).name === 'String' ? fc.constantFrom('', '   ', '\t\n ') : valueOf(a.type, 'domain-poison')]))) as fc.Arbitrary<Record<string, unknown>>;
  const poisoned = fc.tuple(hasIdOrDate ? vars('domain-poison') : blankVars, route).map(([variables, r]): Case => ({ operation: field.name, owner, kind, mode: 'domain-poison', query, variables, route: r }));
  const hostile = fc.tuple(vars('hostile'), route).map(([variables, r]): Case => ({ operation: field.name, owner, kind, mode: 'hostile', query, variables, route: r }));
  // Mutations always carry a defect; queries may also be well-formed (they write nothing either way).
  return kind === 'mutation' ? fc.oneof(wrongType, poisoned) : fc.oneof(wrongType, poisoned, hostile);
}

let allOffices: string;
beforeAll(async () => {
  // The City Chairman, who heads the city committee by the organizations data, holding every office at once: every
  // head check passes, so the generated input reaches the validation behind it.
  const { cityId, chairmanId } = await cityAndChairman();
  allOffices = await token(['HOME_AFFAIRS', 'CITY_CHAIR', 'APPRAISER', 'ORG_HEAD', 'ORG_STAFF'], { sub: chairmanId, org: cityId });
});

describe('bad input at scale never breaks the platform and never writes', () => {
  it(`${RUNS.toLocaleString('en')} generated cases over every mutation and query: no INTERNAL_SERVER_ERROR, no 5xx, no mutation accepted, no row written`, async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const queries = Object.values(schema.getQueryType()!.getFields());
    // Mutations get three quarters of the cases, spread evenly; queries the rest.
    const arbitrary = fc.oneof(
      { weight: 3, arbitrary: fc.oneof(...mutations.map((m) => caseArbitrary('mutation', m))) },
      { weight: 1, arbitrary: fc.oneof(...queries.map((q) => caseArbitrary('query', q))) },
    );
    const cases = fc.sample(arbitrary, { numRuns: RUNS, seed: SEED });
    const before = await Promise.all(SUBGRAPHS.map((s) => tableCounts(s)));

    const failures: string[] = [];
    const seen = { mutations: new Set<string>(), refusedBy: {} as Record<string, number> };
    for (let start = 0; start < cases.length; start += BATCH) {
      await Promise.all(cases.slice(start, start + BATCH).map(async (c) => {
        const response: GraphQLResponse = c.route === 'gateway'
          ? await viaGateway(c.query, c.variables, allOffices)
          : await direct(c.owner, c.query, c.variables, allOffices);
        const codes = (response.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
        if (c.kind === 'mutation') seen.mutations.add(c.operation);
        for (const code of new Set(codes)) seen.refusedBy[code] = (seen.refusedBy[code] ?? 0) + 1;
        const problem = response.status >= 500 ? `HTTP ${response.status}`
          : codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('NO_CODE') ? `${codes.join(',')}: ${response.errors?.[0]?.message}`
          : c.kind === 'mutation' && !codes.length ? 'the mutation was accepted' : null;
        if (problem && failures.length < 40) failures.push(`${c.operation} via ${c.route} (${c.mode}${c.poison ? ` at ${c.poison}` : ''}): ${problem}\n    variables: ${JSON.stringify(c.variables).slice(0, 300)}`);
      }));
    }
    const after = await Promise.all(SUBGRAPHS.map((s) => tableCounts(s)));
    console.log(`fuzz: ${cases.length} cases (seed ${SEED}), ${seen.mutations.size} mutations covered, answers by code: ${JSON.stringify(seen.refusedBy)}`);
    expect(failures).toEqual([]);
    expect(seen.mutations.size).toBe(mutations.length);
    expect(after).toEqual(before);
  }, 900_000);
});
