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

describe('a value the database cannot take is the client\'s mistake, not a server fault', () => {
  it('an id that is not a UUID finds nothing or is BAD_USER_INPUT, through the gateway and at the subgraph, with no SQL in the message', async () => {
    const caller = await token('HOME_AFFAIRS');
    for (const [subgraph, query] of [
      ['organizations', 'query($id: ID!) { organization(id: $id) { id } }'],
      ['reform-index', 'query($id: ID!) { assessment(id: $id) { id } }'],
      ['evaluations', 'query($id: ID!) { headEvaluation(id: $id) { id } }'],
    ] as const) {
      for (const response of [await viaGateway(query, { id: "1' OR '1'='1" }, caller), await direct(subgraph, query, { id: "1' OR '1'='1" }, caller)]) {
        // Either the subgraph checks ids itself (nothing found) or the kit turns the database's refusal into words.
        expect(response.status).toBeLessThan(500);
        if (response.errors?.length) {
          expect(response.errors[0]!.extensions?.code, subgraph).toBe('BAD_USER_INPUT');
          expect(response.errors[0]!.message).toBe('"1\' OR \'1\'=\'1" is not an id (ids are UUIDs); nothing matches it');
        } else {
          expect(Object.values(response.data ?? {})).toEqual([null]);
        }
      }
    }
  });

  it('text with a NUL character is refused up front, naming the field', async () => {
    const caller = await token('HOME_AFFAIRS');
    const query = 'mutation($name: String!) { createPerson(fullName: $name) { id } }';
    for (const response of [await viaGateway(query, { name: 'Nguyễn\u0000Văn A' }, caller), await direct('organizations', query, { name: 'Nguyễn\u0000Văn A' }, caller)]) {
      expect(response.errors?.[0]).toMatchObject({ message: 'name: text must not contain the NUL character (U+0000)', extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
    }
  });
});
