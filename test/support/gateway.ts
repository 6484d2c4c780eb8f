import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGateway, type GatewayOptions } from 'gateway';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from 'subgraph-kit';
import { ROOT } from '../../scripts/platform.js';
import { platform } from './client.js';

/**
 * A gateway of a test's own, in this process, over the running platform's subgraphs with their secrets: production
 * behaviour and no rate limit unless the test says otherwise. The caller stops it.
 */
export function testGateway(overrides: Partial<GatewayOptions> = {}) {
  return createGateway({
    supergraphSdl: readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'),
    subgraphUrls: platform().subgraphUrls,
    gatewaySecrets: platform().gatewaySecrets,
    auth: { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, algorithm: 'ES256', publicJwk: JSON.parse(platform().publicJwk) },
    development: false,
    rateLimit: null,
    ...overrides,
  });
}
