import { runSubgraphMain } from 'subgraph-kit';
import { reformIndexSubgraph } from './index.js';

await runSubgraphMain(reformIndexSubgraph);
