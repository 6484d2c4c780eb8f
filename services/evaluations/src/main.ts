import { runSubgraphMain } from 'subgraph-kit';
import { evaluationsSubgraph } from './index.js';

await runSubgraphMain(evaluationsSubgraph);
