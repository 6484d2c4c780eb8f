import type { EntityManager } from '@mikro-orm/postgresql';
import { stableId } from 'subgraph-kit';
import { LevelRule } from '../entities/level-rule.entity.js';
import { CompletionLevel } from '../entities/enums.js';

/**
 * The city's default level rule: Hải Phòng's own cut-offs (QĐ 30/2018) are not available, so the seed uses the
 * Quảng Ngãi 2018 bands as an example, open-ended from 2018; Home Affairs enters Hải Phòng's own with defineLevelRule.
 */
export const SEEDED_CITY_RULE_ID = stableId('level-rule', 'HP-2018-example');

export async function seedEvaluations(em: EntityManager) {
  if (await em.findOne(LevelRule, { id: SEEDED_CITY_RULE_ID })) return;
  const ownerId = stableId('organization', 'HP');
  em.persist(em.create(LevelRule, {
    id: SEEDED_CITY_RULE_ID,
    ownerId,
    ownerSnapshot: { id: ownerId, code: 'HP', name: 'Ủy ban nhân dân thành phố Hải Phòng', kind: 'CITY_COMMITTEE' },
    name: 'Mức độ hoàn thành nhiệm vụ của người đứng đầu theo Chỉ số CCHC (mặc định)',
    legalBasis: 'Ví dụ: ngưỡng của tỉnh Quảng Ngãi năm 2018 (baoquangngai.vn 2906692); QĐ 30/2018/QĐ-UBND Hải Phòng không công bố ngưỡng',
    effectiveFrom: '2018-01-01',
    effectiveTo: null,
    bandHundredths: [
      { level: 'EXCELLENT', minHundredths: 8000 },
      { level: 'GOOD', minHundredths: 7000 },
      { level: 'COMPLETED', minHundredths: 5000 },
    ],
    excellentRequiresAllDuties: true,
    lastInBlockMaxLevel: null,
    mitigationCeiling: CompletionLevel.COMPLETED,
    minMonthsInOffice: 6,
  }));
  await em.flush();
}
