import { Migration20261129000001Organizations } from './Migration20261129000001Organizations.js';

/** Applied in this order at start (MikroORM `migrationsList`). */
export const migrations = [
  { name: 'Migration20261129000001Organizations', class: Migration20261129000001Organizations },
];
