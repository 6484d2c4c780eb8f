import { Migration20261129000001Organizations } from './Migration20261129000001Organizations.js';
import { Migration20261129020000PeopleHeadsEvents } from './Migration20261129020000PeopleHeadsEvents.js';

/** Applied in this order at start (MikroORM `migrationsList`). */
export const migrations = [
  { name: 'Migration20261129000001Organizations', class: Migration20261129000001Organizations },
  { name: 'Migration20261129020000PeopleHeadsEvents', class: Migration20261129020000PeopleHeadsEvents },
];
