import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './auth/caller.js';
import type { Headships } from './auth/headships.js';
import type { GatewayClient } from './gateway-client.js';
import type { LoaderRegistry } from './loaders.js';
import type { RequestDeadline } from './server/request-deadline.js';

/** What every resolver receives. Built once per request by the subgraph kit. */
export interface KitContext {
  /** A fork of the EntityManager for this request; inside a mutation, the transaction's. */
  em: EntityManager;
  caller: Caller;
  loaders: LoaderRegistry;
  /** The platform's public API, for decisions that need another subgraph's data (service token). */
  gateway: GatewayClient;
  subgraph: string;
  development: boolean;
  /** The request's deadline: a mutation that has not begun to commit when it passes rolls back. */
  deadline?: RequestDeadline;
  /** Set while a mutation runs: its name, for the audit record. */
  mutation?: string;
  /** Set once the running mutation opened its transaction (`openTransaction`). */
  transactionOpened?: boolean;
  /** The caller's posts by the organizations data, looked up on first use (`headshipsOf`) and kept for the request. */
  headships?: Promise<Headships>;
}
