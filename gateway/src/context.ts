import type { Caller } from 'subgraph-kit/edge';

/** One subgraph fetch of a request, for the request's log line. */
export interface SubgraphTiming {
  subgraph: string;
  ms: number;
  /** The fetch failed (down, hanging, or answered 5xx): its fields are missing from the answer. */
  failed?: true;
}

export interface GatewayContext {
  caller: Caller;
  /** The caller's bearer token, forwarded to subgraphs (which verify it again). */
  token: string | null;
  /** The request's id, passed to every subgraph so one id ties their log lines to the gateway's. */
  requestId: string;
  /** Each subgraph fetch, in order of completion; the HTTP front writes them into the request's log line. */
  subgraphTimings: SubgraphTiming[];
}
