import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuditRecord, auditMigration, dropDatabase, openDatabase, stableId, withDatabase } from 'subgraph-kit';
import { platform } from '../../../test/support/client.js';
import { Assessment } from '../src/entities/assessment.entity.js';
import { CriteriaSet } from '../src/entities/criteria-set.entity.js';
import { CriteriaSetStatus } from '../src/entities/enums.js';
import { Publication } from '../src/entities/publication.entity.js';
import { migrations } from '../src/migrations/index.js';
import { PUBLISHED_2025_DEPARTMENTS } from '../src/seed/criteria-sets.js';
import { seedReformIndex } from '../src/seed/seed.js';

/** The demo seed runs in its own database (the platform's test databases are never seeded), made as the admin. */
let orm: MikroORM;
const url = platform().adminDatabaseUrls['reform-index'];
const dbName = `${new URL(url).pathname.slice(1)}_seed`;

beforeAll(async () => {
  orm = (await openDatabase({ url: withDatabase(url, dbName), entities: [AuditRecord, CriteriaSet, Assessment, Publication], migrations: [auditMigration, ...migrations] })) as MikroORM;
});
afterAll(async () => {
  await orm?.close(true);
  await dropDatabase(url, dbName);
});

describe('the demo seed', () => {
  it('creates active criteria sets for every seeded year and block, owned by the city committee, and runs again without change', async () => {
    await seedReformIndex(orm.em.fork());
    await seedReformIndex(orm.em.fork());
    const em = orm.em.fork();
    const sets = await em.find(CriteriaSet, {}, { orderBy: { year: 'asc', block: 'asc' } });
    expect(sets.map((s) => `${s.year} ${s.block}`)).toEqual([
      '2020 DEPARTMENTS', '2020 DISTRICTS', '2021 DEPARTMENTS', '2021 DISTRICTS', '2022 DEPARTMENTS', '2022 DISTRICTS',
      '2023 DEPARTMENTS', '2023 DISTRICTS', '2024 DEPARTMENTS', '2024 DISTRICTS', '2025 COMMUNES', '2025 DEPARTMENTS', '2025 WARDS',
    ]);
    expect(sets.every((s) => s.status === CriteriaSetStatus.ACTIVE && s.maxHundredths === 100_00 && s.ownerId === stableId('organization', 'HP'))).toBe(true);
    expect(sets[0]!.areaTree.map((a) => [a.code, a.maxHundredths / 100])).toEqual([
      ['STEERING', 10], ['INSTITUTIONS', 10], ['PROCEDURES', 14.5], ['APPARATUS', 11], ['CIVIL_SERVICE', 16], ['PUBLIC_FINANCE', 7], ['MODERNIZATION', 16], ['IMPACT', 15.5],
    ]);
    expect(sets.find((s) => s.year === 2024)!.name).toMatch(/876.*minh họa/);
  });

  it('publishes the 2025 departments block with the figures of 9 January 2026', async () => {
    const em = orm.em.fork();
    const rows = await em.find(Assessment, { year: 2025, block: 'DEPARTMENTS' }, { orderBy: { rank: 'asc' } });
    expect(rows).toHaveLength(14);
    for (const [code, rank, value] of PUBLISHED_2025_DEPARTMENTS) {
      const row = rows.find((r) => r.organizationId === stableId('organization', code))!;
      expect([code, row.rank, row.indexHundredths! / 100, row.status]).toEqual([code, rank, value, 'PUBLISHED']);
    }
    expect(await em.count(Publication, { year: 2025, block: 'DEPARTMENTS' })).toBe(1);
  });
});
