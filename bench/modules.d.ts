// The two untyped packages the bench uses, as far as it uses them.
declare module 'pg-copy-streams' {
  import type { Submittable } from 'pg';
  import type { Writable } from 'node:stream';
  export function from(sql: string): Submittable & Writable;
}
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Result { requests: { total: number }; errors: number; timeouts: number; non2xx: number }
  type Instance = EventEmitter & PromiseLike<Result>;
  function autocannon(options: Record<string, unknown>): Instance;
  export default autocannon;
}
