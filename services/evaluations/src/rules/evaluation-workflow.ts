import { takeStep, type StepOutcome, type Transition } from 'shared-rules';

/**
 * A head evaluation's workflow as one transition table: the block's administrator proposes, duties are recorded and
 * mitigation claimed while it is open (PROPOSED, or RETURNED by the evaluator), the administrator submits it, and
 * the evaluator approves it (final) or returns it. Read as every table is (shared-rules, transitions.ts).
 */
export const EVALUATION_STATES = ['PROPOSED', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/**
 * The caller's stake in one evaluation: Home Affairs by the token; the evaluated head (the evaluation's person); the
 * block's administrator (shared-rules, block-authority.ts); the evaluator (the evaluator organization's head, or
 * whoever decided in its place); the decider (the head, on the decision day, of the evaluator organization or of
 * whoever it passed to).
 */
export const EVALUATION_STAKES = ['HOME_AFFAIRS', 'EVALUATED_HEAD', 'ADMINISTRATOR', 'EVALUATOR', 'DECIDER'] as const;
export type EvaluationStake = (typeof EVALUATION_STAKES)[number];

export const EVALUATION_ACTIONS = ['RECORD_DUTIES', 'CLAIM_MITIGATION', 'SUBMIT', 'APPROVE', 'RETURN'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

const OPEN = ['PROPOSED', 'RETURNED'] as const;

/** Stakes the token shows come first in `by`: the resolver tries them in order, and checking them costs nothing. */
type Step = Transition<EvaluationState, EvaluationStake>;

const whileOpen = (doing: string) => (state: EvaluationState) => `The evaluation is ${state}; ${doing} only while it is PROPOSED or RETURNED`;
const decided = (state: EvaluationState) =>
  (state === 'APPROVED' ? 'The evaluation was already approved; an approved level never changes' : `The evaluation is ${state}; only a SUBMITTED evaluation is decided`);

export const EVALUATION_STEPS: Readonly<Record<EvaluationAction, Step>> = {
  RECORD_DUTIES: {
    from: OPEN, to: null, by: ['ADMINISTRATOR', 'EVALUATOR'],
    refusal: "Only the block's administrator or the evaluator records duties", wrongState: whileOpen('duties are recorded'),
  },
  CLAIM_MITIGATION: {
    from: OPEN, to: null, by: ['EVALUATED_HEAD', 'HOME_AFFAIRS'],
    refusal: 'Only the evaluated head, or Home Affairs on their behalf, claims mitigation', wrongState: whileOpen('mitigation is claimed'),
  },
  SUBMIT: {
    from: OPEN, to: 'SUBMITTED', by: ['ADMINISTRATOR'],
    refusal: "Only the block's administrator submits an evaluation to the evaluator", wrongState: whileOpen('it is submitted'),
  },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED', by: ['DECIDER'], refusal: 'Only the evaluator decides', wrongState: decided },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED', by: ['DECIDER'], refusal: 'Only the evaluator decides', wrongState: decided },
};

/** Whether a caller holding `stakes` may take `action` on an evaluation in `state`, and the state it leads to. Pure. */
export function evaluationStep(action: EvaluationAction, state: EvaluationState, stakes: ReadonlySet<EvaluationStake>): StepOutcome<EvaluationState> {
  return takeStep(EVALUATION_STEPS[action], state, stakes);
}
