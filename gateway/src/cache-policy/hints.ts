/**
 * How long an anonymous answer touching each field of the supergraph may be kept by browsers and shared caches,
 * keyed `Type.field`. A field not listed here is `private` (never cached): a new field stays uncacheable until
 * someone decides otherwise here, and gateway/test/cache-hints.test.ts fails until they do.
 *
 * Only anonymous GETs are ever cached (a request with a token is `private, no-store` whatever it touches), so a
 * hint describes what an anonymous caller can be shown:
 * - `immutable`: published results. Anonymous callers only ever see published assessments and rankings, approved
 *   head evaluations and active criteria sets, and each of these is frozen by the workflow (publication freezes
 *   every assessment of the block, an active set is never edited, "an approved level never changes").
 * - `short`: the directory, heads and lists that grow (the assessments and evaluations of an organization, the
 *   blocks of a year), and level rules, which stay editable until an evaluation uses them.
 * - `private`: fields only a token can see (score sheets, duty notes, mitigation, audit trails, work queues,
 *   summaries). Their anonymous answer is an error or an empty value, and is never worth keeping.
 *
 * `nullMeansPending` marks a nullable field whose null means "not yet" (a ranking not yet published, an evaluation
 * not yet approved): an answer holding such a null is not cached at all, or caches would keep the null long after
 * the data appeared. Nulls of unknown ids are not pending: ids are made by the server and never reappear.
 */
export type CacheClass = 'immutable' | 'short' | 'private';

export interface CacheHint {
  cache: CacheClass;
  nullMeansPending?: true;
}

export type CacheHints = ReadonlyMap<string, CacheHint>;

const IMMUTABLE: CacheHint = { cache: 'immutable' };
const PENDING: CacheHint = { cache: 'immutable', nullMeansPending: true };
const SHORT: CacheHint = { cache: 'short' };
const SHORT_PENDING: CacheHint = { cache: 'short', nullMeansPending: true };
const PRIVATE: CacheHint = { cache: 'private' };

const each = (type: string, hint: CacheHint, fields: string[]) => fields.map((field): [string, CacheHint] => [`${type}.${field}`, hint]);

export const CACHE_HINTS: CacheHints = new Map<string, CacheHint>([
  // ── Entry points ──
  ['Query.organization', SHORT],
  // A code may be created later: its null is a "not yet".
  ['Query.organizationByCode', SHORT_PENDING],
  ['Query.organizations', SHORT],
  ['Query.person', SHORT],
  // Null until the block's set is activated; active sets are frozen.
  ['Query.criteriaSet', PENDING],
  ['Query.criteriaSets', SHORT],
  // Null until the block is published.
  ['Query.ranking', PENDING],
  // Published ones only for anonymous callers (an unpublished one is an error, never cached).
  ['Query.assessment', IMMUTABLE],
  ['Query.levelRules', SHORT],
  ['Query.levelRule', SHORT],
  // Null for an anonymous caller until the evaluation is approved.
  ['Query.headEvaluation', PENDING],
  ['Query.headEvaluations', SHORT],
  ...each('Query', PRIVATE, ['annualSummary', 'obstacleReports', 'areaMonitoring', 'assessments']),

  // ── The directory (organizations subgraph): identities never change, the rest can ──
  ...each('Organization', IMMUTABLE, ['id', 'code']),
  ...each('Organization', SHORT, [
    'name', 'shortName', 'kind', 'validFrom', 'validTo', 'advisesOn', 'version', 'parent', 'children', 'predecessors', 'successors',
    'history', 'head', 'headAssignments',
    // Grow as years are published and evaluations approved.
    'assessments', 'headEvaluations',
  ]),
  // Null until that year's index of the organization is published.
  ['Organization.reformIndex', PENDING],
  ['Organization.auditTrail', PRIVATE],
  ...each('OrganizationConnection', SHORT, ['edges', 'pageInfo', 'totalCount']),
  ...each('OrganizationEdge', SHORT, ['cursor', 'node']),
  ...each('PageInfo', SHORT, ['hasNextPage', 'endCursor']),
  ['OrganizationEvent.id', IMMUTABLE],
  ...each('OrganizationEvent', SHORT, ['kind', 'effectiveDate', 'legalBasis', 'note', 'predecessors', 'successors']),
  ['HeadAssignment.id', IMMUTABLE],
  ...each('HeadAssignment', SHORT, ['title', 'startDate', 'endDate', 'acting', 'person', 'organization', 'evaluations']),
  ['Person.id', IMMUTABLE],
  ...each('Person', SHORT, ['fullName', 'assignments']),

  // ── Published results (reform-index subgraph) ──
  ...each('Ranking', IMMUTABLE, ['year', 'block', 'owner', 'publication', 'average', 'entries']),
  ...each('RankingEntry', IMMUTABLE, ['rank', 'organization', 'indexValue', 'band']),
  ...each('Publication', IMMUTABLE, ['decisionNumber', 'publishedAt']),
  ...each('Assessment', IMMUTABLE, [
    'id', 'year', 'status', 'rank', 'rankOf', 'band', 'version', 'organization', 'criteriaSet', 'selfAssessedPoints', 'appraisedPoints',
    'surveyPoints', 'totalPoints', 'applicableMaxPoints', 'indexValue', 'areaResults', 'publication',
  ]),
  // Per-criterion score sheets: partners with reform-index:read and those involved only.
  ...each('Assessment', PRIVATE, ['scores', 'auditTrail']),
  ...each('AreaResult', IMMUTABLE, ['areaCode', 'points', 'maxPoints', 'percent']),
  ...each('CriteriaSet', IMMUTABLE, ['id', 'year', 'block', 'name', 'legalBasis', 'status', 'version', 'maxPoints', 'owner', 'areas', 'bands']),
  ...each('ReformArea', IMMUTABLE, ['code', 'name', 'maxPoints', 'criteria']),
  ...each('Criterion', IMMUTABLE, ['code', 'name', 'maxPoints', 'method', 'mayNotApply', 'notApplicablePolicy', 'evidenceRequired', 'children']),
  ...each('IndexBand', IMMUTABLE, ['label', 'minIndex']),

  // ── Approved evaluations (evaluations subgraph) ──
  ...each('HeadEvaluation', IMMUTABLE, [
    'id', 'year', 'block', 'rank', 'rankOf', 'proposedLevel', 'finalLevel', 'status', 'decidedAt', 'version', 'indexValue',
    'headAssignment', 'organization', 'evaluatorOrganization', 'rule',
  ]),
  // Those involved only (and decision comments to partners with evaluations:read).
  ...each('HeadEvaluation', PRIVATE, ['monthsInOffice', 'dutiesFulfilled', 'dutyNotes', 'mitigation', 'decisionComment', 'auditTrail']),
  // Editable until an evaluation uses the rule; the count grows.
  ['LevelRule.id', IMMUTABLE],
  ...each('LevelRule', SHORT, [
    'name', 'legalBasis', 'effectiveFrom', 'effectiveTo', 'excellentRequiresAllDuties', 'lastInBlockMaxLevel', 'mitigationCeiling',
    'minMonthsInOffice', 'version', 'bands', 'owner', 'evaluationCount',
  ]),
  ...each('LevelBand', SHORT, ['level', 'minIndex']),
]);
