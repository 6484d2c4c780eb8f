import { codeProblem } from 'subgraph-kit/codes';
import { HundredthsError, toHundredths } from 'shared-rules';

export type ScoringMethodCode = 'SELF_ASSESSED' | 'SURVEY';
export type NotApplicablePolicyCode = 'EXCLUDE_FROM_MAX' | 'FULL_POINTS' | 'ZERO';

/** A criterion as stored: points in hundredths; leaves (no children) are scored. */
export interface CriterionNode {
  code: string;
  name: string;
  maxHundredths: number;
  method: ScoringMethodCode;
  mayNotApply: boolean;
  notApplicablePolicy: NotApplicablePolicyCode;
  evidenceRequired: boolean;
  children: CriterionNode[];
}

export interface AreaNode {
  code: string;
  name: string;
  maxHundredths: number;
  criteria: CriterionNode[];
}

export interface BandNode {
  label: string;
  minHundredths: number;
}

export interface CriterionDraft {
  code: string;
  name: string;
  maxPoints: number;
  method?: ScoringMethodCode | null;
  mayNotApply?: boolean | null;
  notApplicablePolicy?: NotApplicablePolicyCode | null;
  evidenceRequired?: boolean | null;
  children?: CriterionDraft[] | null;
}

export interface AreaDraft {
  code: string;
  name: string;
  maxPoints: number;
  criteria: CriterionDraft[];
}

export interface BandDraft {
  label: string;
  minIndex: number;
}

/** One reason a criteria set cannot be accepted, with the path of the offending input field. */
export class CriteriaSetError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
  }
}

export const TOTAL_POINTS_HUNDREDTHS = 100_00;

function points(value: number, field: string): number {
  let hundredths: number;
  try {
    hundredths = toHundredths(value);
  } catch (error) {
    throw new CriteriaSetError(field, (error as HundredthsError).reason);
  }
  if (hundredths <= 0) throw new CriteriaSetError(field, 'must be greater than 0');
  return hundredths;
}

function text(value: string, field: string): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw new CriteriaSetError(field, 'must not be empty');
  return trimmed;
}

/**
 * Checks a criteria set the way the regulation builds one (areas → criteria → sub-criteria, every parent the sum
 * of its children, 100 points in all, codes unique in the set and spelled by the code rule, survey items scored as
 * a whole, bands from the highest down) and returns it in hundredths. The first problem found is thrown with its field path.
 */
export function validateCriteriaSet(areas: AreaDraft[], bands: BandDraft[] | null | undefined, path = 'input'): { areas: AreaNode[]; bands: BandNode[]; maxHundredths: number } {
  const codes = new Set<string>();
  const claim = (code: string, field: string) => {
    const c = text(code, field);
    const problem = codeProblem(c);
    if (problem) throw new CriteriaSetError(field, problem);
    if (codes.has(c)) throw new CriteriaSetError(field, `code ${c} is used twice in this set`);
    codes.add(c);
    return c;
  };

  const criterion = (draft: CriterionDraft, field: string): CriterionNode => {
    const code = claim(draft.code, `${field}.code`);
    const node: CriterionNode = {
      code,
      name: text(draft.name, `${field}.name`),
      maxHundredths: points(draft.maxPoints, `${field}.maxPoints`),
      method: draft.method ?? 'SELF_ASSESSED',
      mayNotApply: draft.mayNotApply ?? false,
      notApplicablePolicy: draft.notApplicablePolicy ?? 'EXCLUDE_FROM_MAX',
      evidenceRequired: draft.evidenceRequired ?? false,
      children: [],
    };
    const children = draft.children ?? [];
    if (children.length > 0) {
      if (node.method === 'SURVEY') throw new CriteriaSetError(`${field}.method`, `${code} is scored by survey as a whole and cannot have sub-criteria`);
      node.children = children.map((c, i) => criterion(c, `${field}.children[${i}]`));
      const sum = node.children.reduce((s, c) => s + c.maxHundredths, 0);
      if (sum !== node.maxHundredths) {
        throw new CriteriaSetError(`${field}.children`, `the sub-criteria of ${code} add up to ${sum / 100}, not its ${node.maxHundredths / 100} points`);
      }
    }
    return node;
  };

  if (!areas || areas.length === 0) throw new CriteriaSetError(`${path}.areas`, 'a criteria set needs at least one area');
  const result: AreaNode[] = areas.map((draft, i) => {
    const field = `${path}.areas[${i}]`;
    const code = claim(draft.code, `${field}.code`);
    const area: AreaNode = { code, name: text(draft.name, `${field}.name`), maxHundredths: points(draft.maxPoints, `${field}.maxPoints`), criteria: [] };
    if (!draft.criteria || draft.criteria.length === 0) throw new CriteriaSetError(`${field}.criteria`, `area ${code} needs at least one criterion`);
    area.criteria = draft.criteria.map((c, j) => criterion(c, `${field}.criteria[${j}]`));
    const sum = area.criteria.reduce((s, c) => s + c.maxHundredths, 0);
    if (sum !== area.maxHundredths) {
      throw new CriteriaSetError(`${field}.criteria`, `the criteria of area ${code} add up to ${sum / 100}, not its ${area.maxHundredths / 100} points`);
    }
    return area;
  });
  const total = result.reduce((s, a) => s + a.maxHundredths, 0);
  if (total !== TOTAL_POINTS_HUNDREDTHS) throw new CriteriaSetError(`${path}.areas`, `the areas add up to ${total / 100} points, not 100`);

  const bandNodes: BandNode[] = (bands ?? []).map((b, i) => {
    const field = `${path}.bands[${i}]`;
    let min: number;
    try {
      min = toHundredths(b.minIndex);
    } catch (error) {
      throw new CriteriaSetError(`${field}.minIndex`, (error as HundredthsError).reason);
    }
    if (min < 0 || min > TOTAL_POINTS_HUNDREDTHS) throw new CriteriaSetError(`${field}.minIndex`, 'must be between 0 and 100');
    return { label: text(b.label, `${field}.label`), minHundredths: min };
  });
  const labels = new Set<string>();
  bandNodes.forEach((band, i) => {
    if (labels.has(band.label)) throw new CriteriaSetError(`${path}.bands[${i}].label`, `band ${band.label} is listed twice`);
    labels.add(band.label);
    if (i > 0 && band.minHundredths >= bandNodes[i - 1]!.minHundredths) {
      throw new CriteriaSetError(`${path}.bands[${i}].minIndex`, 'bands must be listed from the highest lower bound down, each strictly lower than the one before');
    }
  });
  return { areas: result, bands: bandNodes, maxHundredths: total };
}

export interface LeafOf {
  leaf: CriterionNode;
  areaCode: string;
}

/** Every scored item (leaf) of a set, in order, with its area. */
export function leavesOf(areas: AreaNode[]): LeafOf[] {
  const out: LeafOf[] = [];
  const walk = (node: CriterionNode, areaCode: string) => {
    if (node.children.length === 0) out.push({ leaf: node, areaCode });
    else node.children.forEach((c) => walk(c, areaCode));
  };
  for (const area of areas) area.criteria.forEach((c) => walk(c, area.code));
  return out;
}

/** Every criterion (inner nodes too) by code. */
export function criteriaByCode(areas: AreaNode[]): Map<string, CriterionNode> {
  const map = new Map<string, CriterionNode>();
  const walk = (node: CriterionNode) => {
    map.set(node.code, node);
    node.children.forEach(walk);
  };
  for (const area of areas) area.criteria.forEach(walk);
  return map;
}
