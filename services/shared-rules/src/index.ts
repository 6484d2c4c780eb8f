/**
 * Domain rules two subgraphs share: pure functions, no I/O, no wiring. Rules one subgraph alone uses stay in that
 * subgraph's `src/rules/`.
 */
export * from './hundredths.js';
export * from './block-authority.js';
export * from './successors.js';
export * from './transitions.js';
