import type { Caller } from 'subgraph-kit/edge';

export interface GatewayContext {
  caller: Caller;
  /** The caller's bearer token, forwarded to subgraphs (which verify it again). */
  token: string | null;
}
