import { describe, expect, it } from 'vitest';
import { takeStep, type Transition } from '../src/transitions.js';

type State = 'OPEN' | 'DONE';
type Stake = 'OWNER' | 'CLERK' | 'STRANGER';
const close: Transition<State, Stake> = { from: ['OPEN'], to: 'DONE', by: ['OWNER', 'CLERK'], refusal: 'not yours', wrongState: (s) => `it is ${s}` };
const note: Transition<State, Stake> = { from: ['OPEN', 'DONE'], to: null, by: ['CLERK'], refusal: 'clerks only', wrongState: (s) => `it is ${s}` };

describe('reading a transition table', () => {
  it('leads to the next state for a holder of any one stake the step asks for', () => {
    expect(takeStep(close, 'OPEN', new Set(['CLERK']))).toEqual({ ok: true, next: 'DONE' });
    expect(takeStep(close, 'OPEN', new Set(['STRANGER', 'OWNER']))).toEqual({ ok: true, next: 'DONE' });
  });

  it('keeps the state when the step has no next one', () => {
    expect(takeStep(note, 'DONE', new Set(['CLERK']))).toEqual({ ok: true, next: 'DONE' });
  });

  it('refuses a caller without a stake FORBIDDEN before it looks at the state', () => {
    expect(takeStep(close, 'DONE', new Set(['STRANGER']))).toEqual({ ok: false, code: 'FORBIDDEN', message: 'not yours' });
    expect(takeStep(close, 'DONE', new Set())).toEqual({ ok: false, code: 'FORBIDDEN', message: 'not yours' });
  });

  it('refuses a step the state does not allow CONFLICT, naming the state', () => {
    expect(takeStep(close, 'DONE', new Set(['OWNER']))).toEqual({ ok: false, code: 'CONFLICT', message: 'it is DONE', status: 'DONE' });
  });
});
