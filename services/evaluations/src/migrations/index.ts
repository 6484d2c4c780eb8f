import { Migration20261129000001HeadEvaluations } from './Migration20261129000001HeadEvaluations.js';

/** Applied in this order at start (MikroORM `migrationsList`). */
export const migrations = [
  { name: 'Migration20261129000001HeadEvaluations', class: Migration20261129000001HeadEvaluations },
];
