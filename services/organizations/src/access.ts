import type { Role } from 'subgraph-kit';

/**
 * Who may do what with the registry. Everything it holds is public to read (docs/architecture.md, Who sees what);
 * Home Affairs (Sở Nội vụ), which keeps it, alone writes it and reads its audit trail. Each resolver states this
 * with @Authorized, which refuses everyone else before the resolver runs, so no refused caller reaches the database.
 */
export const REGISTRY_KEEPER: Role = 'HOME_AFFAIRS';
