import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CACHE_HINTS } from '../src/cache-policy/index.js';

const supergraph = buildSchema(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });

/**
 * Object types an anonymous answer can hold: reached from Query through fields not hinted private. A field with no
 * hint counts as reaching its type, so a new field leading to a new type reports both.
 */
function publicTypes(): Set<string> {
  const seen = new Set<string>();
  const walk = (type: GraphQLNamedType) => {
    if (!(isObjectType(type) || isInterfaceType(type)) || seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      if (CACHE_HINTS.get(`${type.name}.${field.name}`)?.cache === 'private') continue;
      walk(getNamedType(field.type));
    }
  };
  walk(supergraph.getQueryType()!);
  return seen;
}

describe('cache hints cover the public API (gateway/src/cache-policy/hints.ts)', () => {
  it('every field of Query and of every object type an anonymous answer can hold has a hint: new fields cannot silently become cacheable or uncacheable', () => {
    const missing: string[] = [];
    for (const name of publicTypes()) {
      const type = supergraph.getType(name) as { getFields(): Record<string, unknown> };
      for (const field of Object.keys(type.getFields())) if (!CACHE_HINTS.has(`${name}.${field}`)) missing.push(`${name}.${field}`);
    }
    expect(missing, 'add these to gateway/src/cache-policy/hints.ts').toEqual([]);
  });

  it('every hint names a field the supergraph has', () => {
    const stale = [...CACHE_HINTS.keys()].filter((key) => {
      const [type, field] = key.split('.') as [string, string];
      const found = supergraph.getType(type);
      return !(found && (isObjectType(found) || isInterfaceType(found)) && found.getFields()[field]);
    });
    expect(stale, 'these hints name fields the supergraph no longer has').toEqual([]);
  });

  it('the published results and the directory are public, the private fields private', () => {
    const cls = (key: string) => CACHE_HINTS.get(key)?.cache;
    expect(['Query.ranking', 'Organization.reformIndex', 'RankingEntry.indexValue', 'Query.headEvaluation', 'HeadEvaluation.finalLevel'].map(cls)).toEqual(Array(5).fill('immutable'));
    expect(['Query.organizations', 'Organization.name', 'Organization.head', 'HeadAssignment.title', 'Person.fullName', 'Organization.headEvaluations'].map(cls)).toEqual(Array(6).fill('short'));
    expect(['Assessment.scores', 'HeadEvaluation.dutyNotes', 'HeadEvaluation.mitigation', 'Organization.auditTrail', 'Assessment.auditTrail', 'HeadEvaluation.auditTrail',
      'Query.annualSummary', 'Query.obstacleReports', 'Query.areaMonitoring', 'Query.assessments'].map(cls)).toEqual(Array(10).fill('private'));
    expect([...CACHE_HINTS.keys()].filter((k) => k.startsWith('Mutation.'))).toEqual([]);
  });
});
