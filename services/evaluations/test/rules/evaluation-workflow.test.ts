import { describe, expect, it } from 'vitest';
import {
  EVALUATION_ACTIONS, EVALUATION_STAKES, EVALUATION_STATES, evaluationStep, type EvaluationAction, type EvaluationStake, type EvaluationState,
} from '../../src/rules/evaluation-workflow.js';

/**
 * A head evaluation's workflow written out by hand, one line per allowed move: action, the state it starts from,
 * the state it leads to, and who may take it. Every other (action, state, stake) is refused; the test walks them all.
 */
const SPEC = `
  RECORD_DUTIES     PROPOSED   -> PROPOSED   ADMINISTRATOR EVALUATOR
  RECORD_DUTIES     RETURNED   -> RETURNED   ADMINISTRATOR EVALUATOR
  CLAIM_MITIGATION  PROPOSED   -> PROPOSED   EVALUATED_HEAD HOME_AFFAIRS
  CLAIM_MITIGATION  RETURNED   -> RETURNED   EVALUATED_HEAD HOME_AFFAIRS
  SUBMIT            PROPOSED   -> SUBMITTED  ADMINISTRATOR
  SUBMIT            RETURNED   -> SUBMITTED  ADMINISTRATOR
  APPROVE           SUBMITTED  -> APPROVED   DECIDER
  RETURN            SUBMITTED  -> RETURNED   DECIDER
`;

const moves = new Map<string, EvaluationState>();
const whoMay = new Map<EvaluationAction, Set<EvaluationStake>>();
for (const line of SPEC.trim().split('\n')) {
  const [action, from, , next, ...by] = line.trim().split(/\s+/) as [EvaluationAction, EvaluationState, string, EvaluationState, ...EvaluationStake[]];
  moves.set(`${action} ${from}`, next);
  whoMay.set(action, new Set([...(whoMay.get(action) ?? []), ...by]));
}

const callers: { name: string; stakes: Set<EvaluationStake> }[] = [
  { name: 'no stake', stakes: new Set() },
  ...EVALUATION_STAKES.map((stake) => ({ name: stake, stakes: new Set([stake]) })),
  { name: 'every stake', stakes: new Set(EVALUATION_STAKES) },
];

describe('the head evaluation transition table, every action × state × stake', () => {
  for (const action of EVALUATION_ACTIONS) {
    for (const state of EVALUATION_STATES) {
      for (const { name, stakes } of callers) {
        const next = moves.get(`${action} ${state}`);
        const permitted = [...stakes].some((s) => whoMay.get(action)!.has(s));
        const expected = !permitted ? 'FORBIDDEN' : next ? `-> ${next}` : 'CONFLICT';
        it(`${action} on ${state} by ${name}: ${expected}`, () => {
          const outcome = evaluationStep(action, state, stakes);
          if (expected === 'FORBIDDEN') expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
          else if (expected === 'CONFLICT') expect(outcome).toMatchObject({ ok: false, code: 'CONFLICT', status: state });
          else expect(outcome).toEqual({ ok: true, next });
        });
      }
    }
  }
});

describe('what the table means', () => {
  it('an approved level never changes', () => {
    for (const action of EVALUATION_ACTIONS) expect(evaluationStep(action, 'APPROVED', new Set(EVALUATION_STAKES)).ok).toBe(false);
    expect(evaluationStep('APPROVE', 'APPROVED', new Set(['DECIDER']))).toEqual({
      ok: false, code: 'CONFLICT', status: 'APPROVED', message: 'The evaluation was already approved; an approved level never changes',
    });
  });

  it('refuses who may not act before looking at the state, so nobody else learns how far it got', () => {
    const outcome = evaluationStep('APPROVE', 'APPROVED', new Set(['ADMINISTRATOR']));
    expect(outcome).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Only the evaluator decides' });
  });

  it('says why the state does not allow a step', () => {
    expect(evaluationStep('RECORD_DUTIES', 'SUBMITTED', new Set(['EVALUATOR']))).toMatchObject({
      message: 'The evaluation is SUBMITTED; duties are recorded only while it is PROPOSED or RETURNED',
    });
    expect(evaluationStep('RETURN', 'PROPOSED', new Set(['DECIDER']))).toMatchObject({ message: 'The evaluation is PROPOSED; only a SUBMITTED evaluation is decided' });
  });
});
