import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/**
 * Apollo Server keeps every parsed document it has validated, keyed by the hash of its text. Its default store
 * weighs an entry by the JSON of the syntax tree (~520 bytes for `{ __typename }`), but the tree's `loc` keeps the
 * whole source text alive: 16,000 unique documents, each padded with a 250 kB comment, took the gateway from 64 MB
 * to 4 GB. This store weighs an entry by what it really holds — the source text plus the tree — so its memory stays
 * under `maxBytes` whatever strangers send.
 */
export const DOCUMENT_STORE_BYTES = 32 * 1024 * 1024;

/** Objects in V8 cost several times their JSON; four is a cautious factor measured on real documents. */
const TREE_OVERHEAD = 4;

export function documentWeight(document: DocumentNode): number {
  const source = document.loc?.source.body ?? '';
  // A source string holding any character above U+00FF is stored with two bytes a character.
  // eslint-disable-next-line no-control-regex
  const sourceBytes = /[^\u0000-\u00ff]/.test(source) ? source.length * 2 : source.length;
  return sourceBytes + TREE_OVERHEAD * JSON.stringify(document).length;
}

export function createDocumentStore(maxBytes = DOCUMENT_STORE_BYTES) {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentWeight });
}
