import { runSubgraphMain } from 'subgraph-kit';
import { organizationsSubgraph } from './index.js';

await runSubgraphMain(organizationsSubgraph);
