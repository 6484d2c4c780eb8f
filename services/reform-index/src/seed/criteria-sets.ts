import type { AreaDraft, BandDraft, CriterionDraft } from '../rules/criteria-set.js';
import data from './haiphong-index.json' with { type: 'json' };

/**
 * The criteria sets seeded for `pnpm start`. Area codes, names and (for QĐ 2948) points come from the sources in
 * docs/domain.md, The PAR index; the criteria under each area, and every QĐ 876 and commune point value, are illustrative — the
 * sets' names say so.
 */
type SourceArea = { code: string; name: string; maxPoints?: number };
const [qd2948, qd876] = data.criteriaSets as { source: string; areas: SourceArea[] }[];

/** Illustrative 876 points: 32 of 100 from the sociological survey (the impact area), as the national method has. */
const POINTS_876: Record<string, number> = {
  STEERING: 8, INSTITUTIONS: 9, PROCEDURES: 12, APPARATUS: 9, CIVIL_SERVICE: 11, PUBLIC_FINANCE: 8, DIGITAL_GOVERNMENT: 11, IMPACT: 32,
};
/** Illustrative commune points (Hải Phòng QĐ 3552/QĐ-UBND pattern: the same areas, procedures weighted higher). */
const POINTS_COMMUNE: Record<string, number> = {
  STEERING: 10, INSTITUTIONS: 8, PROCEDURES: 16, APPARATUS: 8, CIVIL_SERVICE: 12, PUBLIC_FINANCE: 6, DIGITAL_GOVERNMENT: 10, IMPACT: 30,
};

const half = (points: number) => Math.round(points * 50) / 100; // hundredths, half of the area (rounded)

/** Two criteria per area (the first with two sub-criteria, evidence required); the impact area is all survey. */
function areaOf(source: SourceArea, points: number, index: number): AreaDraft {
  const n = index + 1;
  if (source.code === 'IMPACT') {
    const sipas = half(points);
    const rest = Math.round((points - sipas) * 100) / 100;
    return { code: source.code, name: source.name, maxPoints: points, criteria: [
      { code: `${n}.1`, name: 'Chỉ số hài lòng của người dân, tổ chức (SIPAS) — điều tra xã hội học', maxPoints: sipas, method: 'SURVEY' },
      { code: `${n}.2`, name: 'Đánh giá của đại biểu, chuyên gia — điều tra xã hội học', maxPoints: rest, method: 'SURVEY' },
    ] };
  }
  const first = half(points);
  const second = Math.round((points - first) * 100) / 100;
  const a = half(first);
  const b = Math.round((first - a) * 100) / 100;
  const criteria: CriterionDraft[] = [
    { code: `${n}.1`, name: 'Kết quả thực hiện nhiệm vụ trong năm', maxPoints: first, children: [
      { code: `${n}.1.1`, name: 'Ban hành kế hoạch, văn bản triển khai đúng hạn', maxPoints: a, evidenceRequired: true },
      { code: `${n}.1.2`, name: 'Mức độ hoàn thành kế hoạch', maxPoints: b, evidenceRequired: true },
    ] },
    { code: `${n}.2`, name: 'Tính chủ động, sáng tạo trong thực hiện', maxPoints: second, mayNotApply: true, notApplicablePolicy: 'EXCLUDE_FROM_MAX' },
  ];
  return { code: source.code, name: source.name, maxPoints: points, criteria };
}

export interface SeedSet {
  year: number;
  block: string;
  name: string;
  legalBasis: string;
  areas: AreaDraft[];
  bands: BandDraft[];
}

const NATIONAL_GROUPS: BandDraft[] = [{ label: 'Nhóm A', minIndex: 90 }, { label: 'Nhóm B', minIndex: 80 }, { label: 'Nhóm C', minIndex: 70 }];
const COMMUNE_GROUPS: BandDraft[] = [{ label: 'Tốt', minIndex: 85 }, { label: 'Khá', minIndex: 75 }, { label: 'Trung bình', minIndex: 65 }];

const set2948 = qd2948!.areas.map((a, i) => areaOf(a, a.maxPoints!, i));
const set876 = qd876!.areas.map((a, i) => areaOf(a, POINTS_876[a.code]!, i));
const setCommune = qd876!.areas.map((a, i) => areaOf(a, POINTS_COMMUNE[a.code]!, i));

export const SEED_SETS: SeedSet[] = [
  ...[2020, 2021].flatMap((year) => [
    { year, block: 'DEPARTMENTS', name: `Bộ chỉ số CCHC các sở, ban, ngành năm ${year} (lĩnh vực và điểm theo QĐ 2948/QĐ-BNV; tiêu chí minh họa)`, legalBasis: 'QĐ 2948/QĐ-BNV', areas: set2948, bands: NATIONAL_GROUPS },
    { year, block: 'DISTRICTS', name: `Bộ chỉ số CCHC UBND các quận, huyện năm ${year} (lĩnh vực và điểm theo QĐ 2948/QĐ-BNV; tiêu chí minh họa)`, legalBasis: 'QĐ 2948/QĐ-BNV', areas: set2948, bands: NATIONAL_GROUPS },
  ]),
  ...[2022, 2023, 2024].flatMap((year) => [
    { year, block: 'DEPARTMENTS', name: `Bộ chỉ số CCHC các sở, ban, ngành năm ${year} (lĩnh vực theo QĐ 876/QĐ-BNV; điểm minh họa)`, legalBasis: 'QĐ 876/QĐ-BNV', areas: set876, bands: NATIONAL_GROUPS },
    { year, block: 'DISTRICTS', name: `Bộ chỉ số CCHC UBND các quận, huyện năm ${year} (lĩnh vực theo QĐ 876/QĐ-BNV; điểm minh họa)`, legalBasis: 'QĐ 876/QĐ-BNV', areas: set876, bands: NATIONAL_GROUPS },
  ]),
  { year: 2025, block: 'DEPARTMENTS', name: 'Bộ chỉ số CCHC các sở, ban, ngành năm 2025 (lĩnh vực theo QĐ 876/QĐ-BNV; điểm minh họa)', legalBasis: 'QĐ 876/QĐ-BNV', areas: set876, bands: NATIONAL_GROUPS },
  { year: 2025, block: 'WARDS', name: 'Bộ chỉ số CCHC UBND các phường năm 2025 (theo mẫu QĐ 3552/QĐ-UBND; điểm minh họa)', legalBasis: 'QĐ 3552/QĐ-UBND', areas: setCommune, bands: COMMUNE_GROUPS },
  { year: 2025, block: 'COMMUNES', name: 'Bộ chỉ số CCHC UBND các xã, đặc khu năm 2025 (theo mẫu QĐ 3552/QĐ-UBND; điểm minh họa)', legalBasis: 'QĐ 3552/QĐ-UBND', areas: setCommune, bands: COMMUNE_GROUPS },
];

/** The 2025 departments block as published on 9 Jan 2026, and the eight departments the press did not list. */
export const PUBLISHED_2025_DEPARTMENTS = data.published2025.DEPARTMENTS as [string, number, number][];
export const UNLISTED_2025_DEPARTMENTS: [string, number][] = [
  ['STP', 92.5], ['SCT', 92.1], ['SNNMT', 91.7], ['SXD', 91.3], ['SKHCN', 90.9], ['SVHTTDL', 90.5], ['SGDDT', 90.1], ['SYT', 89.7],
];
