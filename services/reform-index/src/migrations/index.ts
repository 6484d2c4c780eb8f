import { Migration20261129000001Assessments } from './Migration20261129000001Assessments.js';

/** Applied in this order at start (MikroORM `migrationsList`). */
export const migrations = [
  { name: 'Migration20261129000001Assessments', class: Migration20261129000001Assessments },
];
