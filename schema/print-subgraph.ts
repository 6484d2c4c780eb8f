/** Prints one subgraph's SDL (as the gateway would see it from `_service`) to stdout. */
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphSchemaOf } from 'subgraph-kit';

const name = process.argv[2];
const definitions = {
  organizations: async () => (await import('organizations')).organizationsSubgraph,
  'reform-index': async () => (await import('reform-index')).reformIndexSubgraph,
  evaluations: async () => (await import('evaluations')).evaluationsSubgraph,
} as const;
const load = definitions[name as keyof typeof definitions];
if (!load) {
  console.error(`unknown subgraph ${name}`);
  process.exit(2);
}
const schema = await buildSubgraphSchemaOf(await load());
process.stdout.write(`${printSubgraphSchema(schema).trim()}\n`);
