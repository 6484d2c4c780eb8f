import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, DEFAULT_LOAD_SHEDDING, loadSheddingFromEnv, startHttpServer } from 'subgraph-kit';

/**
 * A process whose event loop is saturated answers new GraphQL work 503 with Retry-After at once, rather than
 * queueing it behind the backlog until every client times out; liveness still answers 200 (a busy process is not
 * a dead one, and restarting it would lose the work in flight), readiness 503 (send the work elsewhere); and it
 * serves again once the loop catches up. The kit's real HTTP front, on a loop this test saturates itself.
 */
const closers: (() => Promise<void>)[] = [];
afterAll(async () => { for (const close of closers) await close(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('load shedding', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the event loop is saturated, then serves again', async () => {
    const apollo = {
      assertStarted: () => {},
      executeHTTPGraphQLRequest: async () => ({ status: 200, headers: new Map([['content-type', 'application/json']]), body: { kind: 'complete', string: '{"data":{"ok":true}}' } }),
      stop: async () => {},
    };
    const server = await startHttpServer({
      apollo: apollo as never,
      port: 0,
      context: async () => ({}),
      loadShedding: { maxEventLoopDelayMs: 50, sampleIntervalMs: 100, retryAfterSeconds: 3 },
      logger: createLogger('probe', { level: 'silent', pretty: false }),
    });
    closers.push(() => server.stop());
    const ask = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' });
    expect((await ask()).status).toBe(200);

    // Work that holds the loop 150 ms at a time, over and over: every timer and socket waits behind it.
    const saturate = setInterval(() => { const until = Date.now() + 150; while (Date.now() < until); }, 5);
    let refused: Response | undefined;
    let health: number;
    let ready: number;
    try {
      await sleep(500);
      for (let i = 0; i < 20 && !refused; i++) {
        const answer = await ask();
        if (answer.status === 503) refused = answer;
        else await answer.body?.cancel();
      }
      health = (await fetch(server.url.replace('/graphql', '/health'))).status;
      ready = (await fetch(server.url.replace('/graphql', '/ready'))).status;
    } finally {
      clearInterval(saturate);
    }
    expect(refused?.status).toBe(503);
    expect(refused!.headers.get('retry-after')).toBe('3');
    expect(((await refused!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(health).toBe(200);
    expect(ready).toBe(503);

    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i++) {
      await sleep(100);
      status = (await ask()).status;
    }
    expect(status).toBe(200);
  });

  it('is configured from the environment, and can be switched off', () => {
    expect(loadSheddingFromEnv({})).toEqual(DEFAULT_LOAD_SHEDDING);
    expect(loadSheddingFromEnv({ LOAD_SHEDDING: 'off' })).toBeNull();
    expect(loadSheddingFromEnv({ LOAD_SHEDDING_MAX_DELAY_MS: '250' })).toMatchObject({ maxEventLoopDelayMs: 250 });
    expect(() => loadSheddingFromEnv({ LOAD_SHEDDING_MAX_DELAY_MS: 'soon' })).toThrow(/LOAD_SHEDDING_MAX_DELAY_MS/);
  });
});
