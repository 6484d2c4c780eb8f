import { afterAll, describe, expect, it } from 'vitest';
import { AuditRecord, auditMigration, dropDatabase, openDatabase, withDatabase, type SubgraphDefinition } from 'subgraph-kit';
import { organizationsSubgraph } from 'organizations';
import { reformIndexSubgraph } from 'reform-index';
import { evaluationsSubgraph } from 'evaluations';
import { platform } from '../support/client.js';

/**
 * The migrations are what production runs; the entities are what the code believes. Each subgraph's migrations are
 * applied to an empty database of its own and the ORM is asked what it would still change: nothing, or a migration
 * is missing (generate it with the ORM's migrator and list it in the subgraph's `migrations/index.ts`).
 */
const subgraphs: [keyof ReturnType<typeof platform>['adminDatabaseUrls'], SubgraphDefinition][] = [
  ['organizations', organizationsSubgraph],
  ['reform-index', reformIndexSubgraph],
  ['evaluations', evaluationsSubgraph],
];
type MikroORM = Awaited<ReturnType<typeof openDatabase>>;
const opened: { orm: MikroORM; url: string; dbName: string }[] = [];

async function migrated(name: (typeof subgraphs)[number][0], definition: SubgraphDefinition, migrations = [auditMigration, ...definition.migrations]) {
  const url = platform().adminDatabaseUrls[name];
  const dbName = `${new URL(url).pathname.slice(1)}_drift${opened.length}`;
  const orm = (await openDatabase({ url: withDatabase(url, dbName), entities: [AuditRecord, ...definition.entities], migrations }));
  opened.push({ orm, url, dbName });
  return orm;
}

afterAll(async () => {
  for (const { orm, url, dbName } of opened) {
    await orm.close(true);
    await dropDatabase(url, dbName);
  }
});

describe('migrations and entities agree', () => {
  it.each(subgraphs)('%s: after its migrations the ORM finds nothing to change', async (name, definition) => {
    const orm = await migrated(name, definition);
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('notices a missing migration', async () => {
    const orm = await migrated('organizations', organizationsSubgraph, [auditMigration]);
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toMatch(/create table "organization"/);
  });
});
