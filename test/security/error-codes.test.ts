import { describe, expect, it } from 'vitest';
import { direct, token, viaGateway } from '../support/client.js';

/** A refusal keeps its code and message on its way through the gateway (the client needs them to act). */
describe('a subgraph\'s refusal reaches the client as the subgraph wrote it', () => {
  it('an impossible date written into the query itself is refused naming the problem, not as "400: Bad Request"', async () => {
    const query = 'mutation { createOrganization(input: { code: "X", name: "X", kind: DEPARTMENT, validFrom: "2025-02-30" }) { id } }';
    const caller = await token('HOME_AFFAIRS');
    const atSubgraph = await direct('organizations', query, {}, caller);
    const throughGateway = await viaGateway(query, {}, caller);
    expect(atSubgraph.errors?.[0]?.message).toMatch(/2025-02-30/);
    expect(throughGateway.errors?.[0]?.message).toBe(atSubgraph.errors?.[0]?.message);
    expect(throughGateway.errors?.[0]?.extensions?.code).toBe(atSubgraph.errors?.[0]?.extensions?.code);
    expect(throughGateway.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });
});
