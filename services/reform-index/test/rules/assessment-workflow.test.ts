import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_ACTIONS, ASSESSMENT_STAKES, ASSESSMENT_STATES, assessmentStep, type AssessmentAction, type AssessmentStake, type AssessmentState,
} from '../../src/rules/assessment-workflow.js';

/**
 * The workflow of docs/domain.md written out by hand, one line per allowed move: action, the state it starts from,
 * the state it leads to, and who may take it. Every other (action, state, stake) is refused; the test walks them all.
 */
const SPEC = `
  SAVE_SELF_SCORES        DRAFT                 -> DRAFT                 UNIT_MEMBER
  SUBMIT_SELF_ASSESSMENT  DRAFT                 -> SELF_ASSESSED         UNIT_HEAD
  RECORD_APPRAISAL        SELF_ASSESSED         -> UNDER_APPRAISAL       APPRAISAL_COUNCIL ADMINISTRATOR
  RECORD_APPRAISAL        UNDER_APPRAISAL       -> UNDER_APPRAISAL       APPRAISAL_COUNCIL ADMINISTRATOR
  REQUEST_EXPLANATION     UNDER_APPRAISAL       -> EXPLANATION_REQUESTED APPRAISAL_COUNCIL ADMINISTRATOR
  SUBMIT_EXPLANATION      EXPLANATION_REQUESTED -> UNDER_APPRAISAL       UNIT_HEAD
  FINALIZE_APPRAISAL      UNDER_APPRAISAL       -> APPRAISED             ADMINISTRATOR
  IMPORT_SURVEY_SCORES    DRAFT                 -> DRAFT                 ADMINISTRATOR
  IMPORT_SURVEY_SCORES    SELF_ASSESSED         -> SELF_ASSESSED         ADMINISTRATOR
  IMPORT_SURVEY_SCORES    UNDER_APPRAISAL       -> UNDER_APPRAISAL       ADMINISTRATOR
  IMPORT_SURVEY_SCORES    EXPLANATION_REQUESTED -> EXPLANATION_REQUESTED ADMINISTRATOR
  IMPORT_SURVEY_SCORES    APPRAISED             -> APPRAISED             ADMINISTRATOR
  PUBLISH                 APPRAISED             -> PUBLISHED             PUBLISHER
`;

interface Move { next: AssessmentState; by: AssessmentStake[] }
const moves = new Map<string, Move>();
const whoMay = new Map<AssessmentAction, Set<AssessmentStake>>();
for (const line of SPEC.trim().split('\n')) {
  const [action, from, , next, ...by] = line.trim().split(/\s+/) as [AssessmentAction, AssessmentState, string, AssessmentState, ...AssessmentStake[]];
  moves.set(`${action} ${from}`, { next, by });
  whoMay.set(action, new Set([...(whoMay.get(action) ?? []), ...by]));
}

const callers: { name: string; stakes: Set<AssessmentStake> }[] = [
  { name: 'no stake', stakes: new Set() },
  ...ASSESSMENT_STAKES.map((stake) => ({ name: stake, stakes: new Set([stake]) })),
  { name: 'every stake', stakes: new Set(ASSESSMENT_STAKES) },
];

describe('the assessment transition table, every action × state × stake', () => {
  for (const action of ASSESSMENT_ACTIONS) {
    for (const state of ASSESSMENT_STATES) {
      for (const { name, stakes } of callers) {
        for (const cityBlock of [true, false]) {
          const move = moves.get(`${action} ${state}`);
          const permitted = [...stakes].some((s) => whoMay.get(action)!.has(s));
          const expected = !permitted ? 'FORBIDDEN' : move ? `-> ${move.next}` : 'CONFLICT';
          it(`${action} on ${state} by ${name}${cityBlock ? ' (city block)' : ''}: ${expected}`, () => {
            const outcome = assessmentStep(action, state, stakes, cityBlock);
            if (expected === 'FORBIDDEN') {
              expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
            } else if (expected === 'CONFLICT') {
              expect(outcome).toMatchObject({ ok: false, code: 'CONFLICT', status: state });
              expect(outcome.ok === false && outcome.message).toContain(`the assessment is ${state}`);
            } else {
              expect(outcome).toEqual({ ok: true, next: move!.next });
            }
          });
        }
      }
    }
  }
});

describe('what the table means', () => {
  it('a published assessment never changes', () => {
    for (const action of ASSESSMENT_ACTIONS) expect(assessmentStep(action, 'PUBLISHED', new Set(ASSESSMENT_STAKES), true).ok).toBe(false);
  });

  it('says who may act before it says the state: an outsider learns nothing of the progress', () => {
    const outcome = assessmentStep('FINALIZE_APPRAISAL', 'PUBLISHED', new Set(['UNIT_MEMBER']), false);
    expect(outcome).toEqual({ ok: false, code: 'FORBIDDEN', message: "Only the head of the block's owner administers this block" });
    expect(JSON.stringify(outcome)).not.toContain('PUBLISHED');
  });

  it('names the administrator and the publisher of a city block', () => {
    expect(assessmentStep('FINALIZE_APPRAISAL', 'UNDER_APPRAISAL', new Set(), true)).toMatchObject({ message: 'Only Home Affairs administers this block' });
    expect(assessmentStep('PUBLISH', 'APPRAISED', new Set(), true)).toMatchObject({ message: 'Only the City Chairman publishes this block' });
  });

  it('a refusal for the wrong state names the states the step needs', () => {
    expect(assessmentStep('RECORD_APPRAISAL', 'DRAFT', new Set(['APPRAISAL_COUNCIL']), true)).toEqual({
      ok: false, code: 'CONFLICT', status: 'DRAFT', message: 'Cannot record appraisal scores: the assessment is DRAFT (needs SELF_ASSESSED or UNDER_APPRAISAL)',
    });
  });
});
