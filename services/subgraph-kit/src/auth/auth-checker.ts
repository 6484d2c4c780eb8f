import type { AuthChecker } from 'type-graphql';
import type { KitContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';

/**
 * `@Authorized(...)` over the verified caller. Arguments are roles (CITY_CHAIR, HOME_AFFAIRS, …) or partner
 * scopes written `scope:reform-index:read`; any one suffices. `@Authorized()` alone means "any valid token".
 * Finer rules (own unit, the block's administrator, the evaluator) are domain checks in the resolvers.
 */
export const authChecker: AuthChecker<KitContext> = ({ context }, required) => {
  const caller = context.caller;
  if (caller.anonymous) throw unauthenticated('This needs a bearer token');
  if (required.length === 0) return true;
  for (const need of required) {
    if (need.startsWith('scope:')) {
      if (caller.roles.includes('PARTNER') && caller.scopes.includes(need.slice('scope:'.length))) return true;
    } else if ((caller.roles as string[]).includes(need)) {
      return true;
    }
  }
  throw forbidden();
};
