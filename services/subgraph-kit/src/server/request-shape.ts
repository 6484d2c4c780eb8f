import { DomainError } from '../errors.js';

/**
 * Checks a request's shape before GraphQL parses it, in one linear pass over its text and without recursion, so a
 * hostile shape costs the server no more than reading it:
 * - padding: comments and runs of insignificant characters (white space, commas). A document padded with a
 *   250 kB comment is still a valid document; each unique one used to be parsed and kept in a cache, and 16,000 of
 *   them exhausted the gateway's memory. Real documents, even pretty-printed ones, carry a few kB of indentation.
 * - nesting: brackets in the document and in the JSON variables. The parser, the variable coercion of graphql-js
 *   and type-graphql's input classes all recurse, and 3,000 nested criteria overflowed the stack (a 5xx).
 */
export interface RequestShapeLimits {
  /** Characters of comments and surplus white space a document may carry. */
  maxPadding: number;
  /** Depth of `{`, `(` and `[` in the document, and of objects and arrays in the variables. */
  maxNesting: number;
}

export const REQUEST_SHAPE_LIMITS: RequestShapeLimits = { maxPadding: 16_384, maxNesting: 64 };

const refuse = (field: string, limit: string, message: string) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field, limit, http: { status: 400 } });

const OPENERS = new Set(['{', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);
const INSIGNIFICANT = new Set([' ', '\t', '\n', '\r', ',', '\uFEFF']);

/** Padding and bracket depth of a GraphQL document; strings count as content, not as padding or nesting. */
export function measureDocument(source: string): { padding: number; nesting: number } {
  let padding = 0;
  let depth = 0;
  let nesting = 0;
  let previousInsignificant = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '#') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      padding += stop - i;
      i = stop - 1;
      previousInsignificant = true;
      continue;
    }
    if (INSIGNIFICANT.has(c)) {
      // One separator between tokens is needed; every further one is padding.
      if (previousInsignificant) padding++;
      previousInsignificant = true;
      continue;
    }
    previousInsignificant = false;
    if (c === '"') {
      if (source.startsWith('"""', i)) {
        let j = i + 3;
        while (j < source.length && !(source.startsWith('"""', j) && source[j - 1] !== '\\')) j++;
        i = Math.min(j + 2, source.length);
      } else {
        let j = i + 1;
        while (j < source.length && source[j] !== '"' && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
        i = j;
      }
      continue;
    }
    if (OPENERS.has(c)) nesting = Math.max(nesting, ++depth);
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
  }
  return { padding, nesting };
}

/** Depth of objects and arrays in a JSON text (the text is assumed to have parsed). */
export function jsonNesting(text: string): number {
  let depth = 0;
  let nesting = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      nesting = Math.max(nesting, ++depth);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return nesting;
}

/**
 * The refusal for a request whose document or variables exceed the limits, or null. `variablesText` is the raw
 * JSON of the variables (the POST body, or the `variables` parameter of a GET); the body's own wrapper object adds
 * one level, which is allowed for.
 */
export function requestShapeProblem(query: unknown, variablesText: string | null, limits: RequestShapeLimits = REQUEST_SHAPE_LIMITS): DomainError | null {
  if (typeof query === 'string') {
    const { padding, nesting } = measureDocument(query);
    if (padding > limits.maxPadding) {
      return refuse('query', 'maxPadding', `the document carries ${padding} characters of comments and white space; at most ${limits.maxPadding} are accepted`);
    }
    if (nesting > limits.maxNesting) {
      return refuse('query', 'maxNesting', `the document nests brackets ${nesting} deep; at most ${limits.maxNesting} are accepted`);
    }
  }
  if (variablesText && jsonNesting(variablesText) > limits.maxNesting + 2) {
    return refuse('variables', 'maxNesting', `the variables nest objects and lists more than ${limits.maxNesting} deep`);
  }
  return null;
}
