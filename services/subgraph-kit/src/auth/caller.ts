/** The roles of docs/architecture.md, as the identity provider writes them into `roles`. */
export const ROLES = ['CITY_CHAIR', 'HOME_AFFAIRS', 'APPRAISER', 'ORG_HEAD', 'ORG_STAFF', 'PARTNER', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

/** Partner scopes: one per subgraph, named after it. */
export const SCOPES = ['organizations:read', 'reform-index:read', 'evaluations:read'] as const;

/** Who is calling, after the token (if any) and the gateway signature (if any) were verified. */
export interface Caller {
  /** Person id (`sub`), or null for anonymous callers. */
  sub: string | null;
  /** Organization id (`org`) the token speaks for, if any. */
  org: string | null;
  roles: Role[];
  scopes: string[];
  anonymous: boolean;
  /** The request came through the gateway (its HMAC signature checked out). */
  viaGateway: boolean;
  /** The raw bearer token, to forward when this service calls the gateway on the caller's behalf. */
  token: string | null;
}

export const ANONYMOUS: Caller = Object.freeze({
  sub: null, org: null, roles: [], scopes: [], anonymous: true, viaGateway: false, token: null,
}) as Caller;

export const hasRole = (caller: Caller, ...roles: Role[]) => roles.some((r) => caller.roles.includes(r));
export const hasScope = (caller: Caller, scope: string) => caller.roles.includes('PARTNER') && caller.scopes.includes(scope);
/**
 * A unit's own people: its head or staff, by the token's `org` claim. Membership rests on the identity provider;
 * being its head does not (see `isHeadOf` in headships.ts, which confirms it through the organizations data).
 */
export const isMemberOf = (caller: Caller, organizationId: string) =>
  caller.org === organizationId && hasRole(caller, 'ORG_HEAD', 'ORG_STAFF');
