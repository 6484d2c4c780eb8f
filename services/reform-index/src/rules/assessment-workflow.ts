import { takeStep, type StepOutcome } from 'shared-rules';

/**
 * The assessment workflow (docs/domain.md, The PAR index) as one transition table: for each action, the states it
 * may start from, where it leads, and who may take it; read as every table is (shared-rules, transitions.ts).
 */
export const ASSESSMENT_STATES = ['DRAFT', 'SELF_ASSESSED', 'UNDER_APPRAISAL', 'EXPLANATION_REQUESTED', 'APPRAISED', 'PUBLISHED'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/**
 * The caller's stake in one assessment: the unit's own head or staff by the token (UNIT_MEMBER), the unit's head as
 * the organizations data confirms it (UNIT_HEAD), the appraisal council (APPRAISAL_COUNCIL), the administrator and
 * the publisher of the block (shared-rules, block-authority.ts).
 */
export const ASSESSMENT_STAKES = ['UNIT_MEMBER', 'UNIT_HEAD', 'APPRAISAL_COUNCIL', 'ADMINISTRATOR', 'PUBLISHER'] as const;
export type AssessmentStake = (typeof ASSESSMENT_STAKES)[number];

export const ASSESSMENT_ACTIONS = [
  'SAVE_SELF_SCORES', 'SUBMIT_SELF_ASSESSMENT', 'RECORD_APPRAISAL', 'REQUEST_EXPLANATION', 'SUBMIT_EXPLANATION', 'FINALIZE_APPRAISAL',
  'IMPORT_SURVEY_SCORES', 'PUBLISH',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

interface Step {
  /** What the action does, as a refusal says it ("Cannot …"). */
  doing: string;
  from: readonly AssessmentState[];
  /** The next state; null keeps the state. */
  to: AssessmentState | null;
  /** Who may take it; a holder of any one stake may. Token-only stakes first: checking them costs nothing. */
  by: readonly AssessmentStake[];
  /** Why anyone else is refused, for a city block and for a block a department or district runs. */
  refusal: { city: string; owner: string };
}

const APPRAISERS = ['APPRAISAL_COUNCIL', 'ADMINISTRATOR'] as const;
const same = (text: string) => ({ city: text, owner: text });
export const ADMINISTRATOR_ONLY = { city: 'Only Home Affairs administers this block', owner: "Only the head of the block's owner administers this block" };
export const PUBLISHER_ONLY = { city: 'Only the City Chairman publishes this block', owner: "Only the head of the block's owner publishes this block" };
const BEFORE_PUBLICATION = ASSESSMENT_STATES.filter((s) => s !== 'PUBLISHED');

export const ASSESSMENT_STEPS: Readonly<Record<AssessmentAction, Step>> = {
  SAVE_SELF_SCORES: {
    doing: 'save self-assessment scores', from: ['DRAFT'], to: null, by: ['UNIT_MEMBER'],
    refusal: same("Only the unit's own head and staff score its self-assessment"),
  },
  SUBMIT_SELF_ASSESSMENT: {
    doing: 'submit the self-assessment', from: ['DRAFT'], to: 'SELF_ASSESSED', by: ['UNIT_HEAD'],
    refusal: same("Only the unit's head submits its self-assessment"),
  },
  RECORD_APPRAISAL: {
    doing: 'record appraisal scores', from: ['SELF_ASSESSED', 'UNDER_APPRAISAL'], to: 'UNDER_APPRAISAL', by: APPRAISERS,
    refusal: same('Only the appraisal council or the block administrator appraises'),
  },
  REQUEST_EXPLANATION: {
    doing: 'request an explanation', from: ['UNDER_APPRAISAL'], to: 'EXPLANATION_REQUESTED', by: APPRAISERS,
    refusal: same('Only the appraisal council or the block administrator appraises'),
  },
  SUBMIT_EXPLANATION: {
    doing: 'submit an explanation', from: ['EXPLANATION_REQUESTED'], to: 'UNDER_APPRAISAL', by: ['UNIT_HEAD'],
    refusal: same("Only the unit's head answers explanation requests"),
  },
  FINALIZE_APPRAISAL: {
    doing: 'finalize the appraisal', from: ['UNDER_APPRAISAL'], to: 'APPRAISED', by: ['ADMINISTRATOR'], refusal: ADMINISTRATOR_ONLY,
  },
  IMPORT_SURVEY_SCORES: {
    doing: 'import survey scores', from: BEFORE_PUBLICATION, to: null, by: ['ADMINISTRATOR'], refusal: ADMINISTRATOR_ONLY,
  },
  PUBLISH: {
    doing: 'publish', from: ['APPRAISED'], to: 'PUBLISHED', by: ['PUBLISHER'], refusal: PUBLISHER_ONLY,
  },
};

/**
 * Whether a caller holding `stakes` may take `action` on an assessment in `state` (of a city block or not), and the
 * state it leads to. Pure: the resolver finds the stakes, calls this, and applies the answer.
 */
export function assessmentStep(
  action: AssessmentAction,
  state: AssessmentState,
  stakes: ReadonlySet<AssessmentStake>,
  cityBlock: boolean,
): StepOutcome<AssessmentState> {
  const step = ASSESSMENT_STEPS[action];
  return takeStep({
    ...step,
    refusal: cityBlock ? step.refusal.city : step.refusal.owner,
    wrongState: (current) => `Cannot ${step.doing}: the assessment is ${current} (needs ${step.from.join(' or ')})`,
  }, state, stakes);
}
