/**
 * `pnpm run token --role ROLE [--role ROLE2] [--org ID] [--sub ID] [--scope S] [--hours N]`: prints a development token
 * signed with the platform's local key (.data/keys, created by the first `pnpm start`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, loadOrCreateSigningKey, mintToken, ROLES, type Role } from 'subgraph-kit';
import { ROOT } from './platform.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    sub: { type: 'string' },
    scope: { type: 'string', multiple: true },
    hours: { type: 'string', default: '8' },
  },
});
const roles = (values.role ?? []) as Role[];
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (roles.length === 0 || unknown.length) {
  console.error(`usage: pnpm run token --role ROLE [--org ID] [--sub ID] [--scope S]\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}
const key = await loadOrCreateSigningKey(path.join(path.resolve(process.env.PAR_DATA_DIR || path.join(ROOT, '.data')), 'keys'));
const token = await mintToken(key, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256' }, {
  sub: values.sub ?? `dev-${roles[0]!.toLowerCase()}`,
  roles,
  org: values.org ?? null,
  scope: values.scope?.join(' ') ?? null,
  expiresIn: `${Number(values.hours)}h`,
});
console.log(token);
