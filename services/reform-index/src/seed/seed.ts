import type { EntityManager } from '@mikro-orm/postgresql';
import { stableId } from 'subgraph-kit';
import { Assessment } from '../entities/assessment.entity.js';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { AssessmentStatus, CriteriaSetStatus } from '../entities/enums.js';
import { Publication } from '../entities/publication.entity.js';
import { leavesOf, validateCriteriaSet, type AreaNode } from '../rules/criteria-set.js';
import { toHundredths } from 'shared-rules';
import { averageHundredths, bandOf, rankByIndex } from '../rules/ranking.js';
import { computeIndex } from '../rules/scoring.js';
import type { ScoreSheet } from '../rules/score-sheet.js';
import { PUBLISHED_2025_DEPARTMENTS, SEED_SETS, UNLISTED_2025_DEPARTMENTS } from './criteria-sets.js';

const CITY_ID = stableId('organization', 'HP');
export const seededCriteriaSetId = (year: number, block: string) => stableId('criteria-set', `${year}/${block}`);

/**
 * A score sheet that reaches `index` exactly on a set where everything applies: survey items at 95 % of their
 * points, the rest spread over the self-assessed items in proportion to their points.
 */
export function sheetFor(areas: AreaNode[], indexHundredths: number): ScoreSheet {
  const leaves = leavesOf(areas).map((l) => l.leaf);
  const sheet: ScoreSheet = new Map();
  let survey = 0;
  for (const leaf of leaves.filter((l) => l.method === 'SURVEY')) {
    const value = Math.floor((leaf.maxHundredths * 95) / 100);
    sheet.set(leaf.code, { survey: value });
    survey += value;
  }
  const own = leaves.filter((l) => l.method === 'SELF_ASSESSED');
  const ownMax = own.reduce((s, l) => s + l.maxHundredths, 0);
  const target = indexHundredths - survey;
  if (target < 0 || target > ownMax) throw new RangeError(`index ${indexHundredths / 100} cannot be reached on this set`);
  let given = 0;
  for (const leaf of own) {
    const value = Math.floor((leaf.maxHundredths * target) / ownMax);
    sheet.set(leaf.code, { self: value, evidence: leaf.evidenceRequired ? ['Hồ sơ minh chứng (dữ liệu minh họa)'] : [] });
    given += value;
  }
  for (const leaf of own) {
    if (given === target) break;
    const record = sheet.get(leaf.code)!;
    const add = Math.min(leaf.maxHundredths - record.self!, target - given);
    record.self = record.self! + add;
    given += add;
  }
  return sheet;
}

/**
 * Demo data for `pnpm start`: active criteria sets for the seeded years and blocks, owned by the city committee
 * (as the organizations seed creates it), and the 2025 departments block published with the figures of 9 Jan 2026.
 * Idempotent: records are found by stable ids and skipped when present.
 */
export async function seedReformIndex(em: EntityManager) {
  await em.transactional(async (tx) => {
    const sets = new Map<string, CriteriaSet>();
    for (const seed of SEED_SETS) {
      const id = seededCriteriaSetId(seed.year, seed.block);
      let set = await tx.findOne(CriteriaSet, { id });
      if (!set) {
        const tree = validateCriteriaSet(seed.areas, seed.bands);
        set = tx.create(CriteriaSet, {
          id, year: seed.year, block: seed.block, ownerId: CITY_ID, ownerKind: 'CITY_COMMITTEE', ownerCode: 'HP', name: seed.name,
          legalBasis: seed.legalBasis, status: CriteriaSetStatus.ACTIVE, activatedAt: new Date(), areaTree: tree.areas, bandList: tree.bands, maxHundredths: tree.maxHundredths,
        });
        tx.persist(set);
      }
      sets.set(`${seed.year}/${seed.block}`, set);
    }

    const departments = sets.get('2025/DEPARTMENTS')!;
    if (await tx.findOne(Publication, { year: 2025, block: 'DEPARTMENTS' })) return;
    const values = [...PUBLISHED_2025_DEPARTMENTS.map(([code, , value]) => [code, value] as [string, number]), ...UNLISTED_2025_DEPARTMENTS];
    const assessments = values.map(([code, value]) => {
      const sheet = sheetFor(departments.areaTree, toHundredths(value));
      const result = computeIndex(departments.areaTree, sheet);
      return { a: tx.create(Assessment, { id: stableId('assessment', `2025/${code}`), organizationId: stableId('organization', code), year: 2025, block: 'DEPARTMENTS', criteriaSetId: departments.id, sheet }), result };
    });
    const publication = tx.create(Publication, {
      id: stableId('publication', '2025/DEPARTMENTS'), year: 2025, block: 'DEPARTMENTS', criteriaSetId: departments.id,
      decisionNumber: 'Công bố Chỉ số CCHC năm 2025 (09/01/2026; số quyết định minh họa)', publishedAt: new Date('2026-01-09T03:00:00Z'),
      averageHundredths: averageHundredths(assessments.map((x) => x.result.index!)), rankedCount: assessments.length,
    });
    tx.persist(publication);
    for (const { item, rank } of rankByIndex(assessments, (x) => x.result.index!, (x) => x.a.organizationId)) {
      Object.assign(item.a, {
        status: AssessmentStatus.PUBLISHED, publicationId: publication.id, indexHundredths: item.result.index!, totalHundredths: item.result.total,
        applicableMaxHundredths: item.result.applicableMax, rank, rankOf: assessments.length, band: bandOf(item.result.index!, departments.bandList),
      });
      tx.persist(item.a);
    }
  });
}
