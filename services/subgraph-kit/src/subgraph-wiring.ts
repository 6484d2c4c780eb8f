/** The pieces every subgraph wires the same way: ids, federation stubs, authorities, and reads of the organizations directory. */
export * from './wiring/ids.js';
export * from './wiring/federation-stub.js';
export * from './wiring/authority.js';
export * from './wiring/city-committee.js';
export * from './wiring/organization-reads.js';
export * from './wiring/string-enum.js';
export * from './wiring/workflow-step.js';
