import { Migration20261129000001ReformIndex } from './Migration20261129000001ReformIndex.js';

/** Applied in this order at start (MikroORM `migrationsList`). */
export const migrations = [
  { name: 'Migration20261129000001ReformIndex', class: Migration20261129000001ReformIndex },
];
