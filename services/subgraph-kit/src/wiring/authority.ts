import type { KitContext } from '../context.js';
import { hasRole, type Role } from '../auth/caller.js';
import { isCityChair, isHeadOf } from '../auth/headships.js';

/**
 * Who holds a power, as a subgraph's rules name it without knowing how it is checked: a role the token carries, the
 * City Chairman, or the head of an organization (both confirmed through the organizations data, headships.ts).
 */
export type Authority = { role: Role } | { cityChair: true } | { headOf: string };

/** Whether the caller holds `authority` now; a head or chairman claim costs the request's one headship lookup. */
export async function holdsAuthority(ctx: KitContext, authority: Authority): Promise<boolean> {
  if ('role' in authority) return hasRole(ctx.caller, authority.role);
  if ('cityChair' in authority) return isCityChair(ctx);
  return isHeadOf(ctx, authority.headOf);
}
