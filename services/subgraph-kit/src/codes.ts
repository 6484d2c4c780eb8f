import { badInput } from './errors.js';

/**
 * The one spelling of the codes clients choose for reform areas, criteria and ranking blocks, shared by every
 * subgraph that takes them (reform-index defines them, evaluations and organizations refer to them).
 *
 * A code is 1 to 32 ASCII letters, digits, ".", "-" or "_", starting with a letter or a digit (so never "__proto__").
 * The names an ordinary JavaScript object already carries (constructor, prototype, toString, valueOf, …) are
 * refused in any letter case too: codes end up as keys of score sheets and lookups, and although those are Maps,
 * a code must never be able to name a piece of the language in any object a later change might key by it.
 *
 * A block code is a code, or — for a block a department, agency or district runs for its own units — the owner's
 * organization code, "/", and a code (`HB/COMMUNES`): each part follows the code rule, so at most 65 characters.
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const CODE_MAX_LENGTH = 32;

const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'].map((name) => name.toLowerCase()));

const SHAPE = '1 to 32 letters, digits, ".", "-" or "_", starting with a letter or a digit';

/** Why `value` is not a code, or null when it is one. */
export function codeProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (value.length > CODE_MAX_LENGTH) return `must be a code of at most ${CODE_MAX_LENGTH} characters (${SHAPE})`;
  if (!CODE_PATTERN.test(value)) return `must be a code: ${SHAPE}`;
  if (RESERVED.has(value.toLowerCase())) return `${value} is reserved (every JavaScript object has a ${value}); choose another code`;
  return null;
}

export const isCode = (value: unknown): value is string => codeProblem(value) === null;

/** Why `value` is not a block code, or null when it is one. */
export function blockCodeProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  const parts = value.split('/');
  if (parts.length > 2) return 'must be a code, or an organization code, "/" and a code: it has more than one "/"';
  for (const part of parts) {
    const problem = codeProblem(part);
    if (problem) return parts.length === 1 ? problem : `must be an organization code, "/" and a code; "${part.slice(0, 40)}" ${problem}`;
  }
  return null;
}

export const isBlockCode = (value: unknown): value is string => blockCodeProblem(value) === null;

/** `value` if it is a code, else BAD_USER_INPUT naming `field`. */
export function checkCode(value: string, field: string): string {
  const problem = codeProblem(value);
  if (problem) throw badInput(field, problem);
  return value;
}

/** `value` if it is a block code, else BAD_USER_INPUT naming `field`. */
export function checkBlockCode(value: string, field: string): string {
  const problem = blockCodeProblem(value);
  if (problem) throw badInput(field, problem);
  return value;
}
