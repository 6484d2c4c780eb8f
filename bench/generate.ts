/**
 * Nationwide bench data, written straight into each subgraph's database with COPY (after the services have
 * migrated their schemas): 34 provinces with their departments, agencies, ~3,300 communes and subordinate units,
 * with parents and head assignments; 5 years of published assessments on criteria sets of 90 scored leaves with
 * their ranks (> 2 million score rows); an approved evaluation for every head who served the year.
 *
 * Everything is derived from a seeded pseudo-random generator, so two runs produce the same rows. Each table's
 * rows are written in ONE place below (the `tables` list of each subgraph); the loader copies the generated columns
 * that exist in the live table, and stops with the list of required columns it does not know — so when an owner
 * adds a column, the fix is one line here.
 * `pnpm bench --generate-only` loads it and stops; `pnpm bench` loads it when bench/.data has none for the
 * current generator and migrations.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { stableId } from 'subgraph-kit';
import { bandLevel, type Band } from 'evaluations/rules/levels';
import { monthsInOffice } from 'evaluations/rules/months';

export type Db = 'organizations' | 'reform-index' | 'evaluations';
type Value = string | number | boolean | null | string[] | Date | Record<string, unknown> | unknown[];
type Row = Record<string, Value>;
interface TableSpec {
  db: Db;
  table: string;
  rows: () => Iterable<Row>;
}

/** Bump when the generated rows change: the bench then reloads instead of reusing bench/.data. */
export const GENERATOR_VERSION = 1;
export const YEARS = [2021, 2022, 2023, 2024, 2025];
export const REPORT_YEAR = 2025;

// ───────────────────────────── deterministic randomness ─────────────────────────────

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seedOf = (text: string) => createHash('sha1').update(text).digest().readUInt32LE(0);
const rngFor = (text: string) => mulberry32(seedOf(text));

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

// ───────────────────────────── the country ─────────────────────────────

const PROVINCES = ['Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị',
  'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ',
  'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang'];
const CITIES = new Set(['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);
const DEPARTMENTS: [string, string][] = [
  ['SNV', 'Sở Nội vụ'], ['STP', 'Sở Tư pháp'], ['STC', 'Sở Tài chính'], ['SXD', 'Sở Xây dựng'], ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SCT', 'Sở Công Thương'], ['SKHCN', 'Sở Khoa học và Công nghệ'], ['SGDDT', 'Sở Giáo dục và Đào tạo'], ['SYT', 'Sở Y tế'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'], ['SNGV', 'Sở Ngoại vụ'], ['SDTTG', 'Sở Dân tộc và Tôn giáo'],
];
const AGENCIES: [string, string][] = [['TT', 'Thanh tra'], ['VP', 'Văn phòng Ủy ban nhân dân'], ['BQLKKT', 'Ban Quản lý khu kinh tế']];
const UNIT_KINDS = ['Chi cục', 'Trung tâm', 'Ban', 'Phòng'];
const UNIT_TOPICS = ['Văn thư lưu trữ', 'Trợ giúp pháp lý', 'Quản lý đất đai', 'Kiểm lâm', 'Thủy lợi', 'Quản lý thị trường', 'Đo lường chất lượng',
  'Kiểm soát bệnh tật', 'Dân số', 'Xúc tiến đầu tư', 'Công nghệ thông tin', 'Giám định xây dựng', 'Khuyến nông', 'Thú y', 'Bảo vệ môi trường'];
const SYLLABLES = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Hưng', 'Long', 'Phước', 'Thắng', 'Lợi', 'Quang',
  'Minh', 'Trung', 'Hải', 'Sơn', 'Thủy', 'Lâm', 'Hồng', 'Vĩnh', 'Kiến', 'Đức', 'Xuân', 'Thành', 'Lạc', 'Nghĩa', 'Hiệp', 'Mỹ'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quân',
  'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];

export type Kind = 'CITY_COMMITTEE' | 'DEPARTMENT' | 'CITY_AGENCY' | 'COMMUNE_COMMITTEE' | 'SUBORDINATE_UNIT';
export interface Org {
  id: string;
  code: string;
  name: string;
  kind: Kind;
  parentId: string | null;
  province: string;
  /** Ranking block of its assessments (province committees are not ranked). */
  block: string | null;
  blockOwnerId: string | null;
}
export interface Assignment {
  id: string;
  organizationId: string;
  personId: string;
  personName: string;
  title: string;
  startDate: string;
  endDate: string | null;
  acting: boolean;
}

const TITLES: Record<Kind, string> = {
  CITY_COMMITTEE: 'Chủ tịch UBND', DEPARTMENT: 'Giám đốc', CITY_AGENCY: 'Chánh Văn phòng', COMMUNE_COMMITTEE: 'Chủ tịch UBND', SUBORDINATE_UNIT: 'Trưởng',
};

export interface Country {
  orgs: Org[];
  assignments: Assignment[];
  blocks: { code: string; ownerId: string; members: Org[] }[];
}

/** ~5,400 organizations: per province its committee, 12 departments, 3 agencies, its communes and units. */
export function buildCountry(): Country {
  const rnd = rngFor('country');
  const orgs: Org[] = [];
  const communeTotal = 3300;
  const weights = PROVINCES.map(() => 0.5 + rnd());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let communesLeft = communeTotal;
  const blocks: Country['blocks'] = [];
  PROVINCES.forEach((province, p) => {
    const pc = `P${String(p + 1).padStart(2, '0')}`;
    const committee: Org = {
      id: stableId('organization', pc), code: pc, kind: 'CITY_COMMITTEE', parentId: null, province: pc, block: null, blockOwnerId: null,
      name: `Ủy ban nhân dân ${CITIES.has(province) ? 'thành phố' : 'tỉnh'} ${province}`,
    };
    orgs.push(committee);
    const deptBlock = { code: `${pc}/DEPARTMENTS`, ownerId: committee.id, members: [] as Org[] };
    const communeBlock = { code: `${pc}/COMMUNES`, ownerId: committee.id, members: [] as Org[] };
    const unitBlock = { code: `${pc}/UNITS`, ownerId: committee.id, members: [] as Org[] };
    const departments: Org[] = [];
    for (const [code, name] of DEPARTMENTS) {
      const o: Org = { id: stableId('organization', `${pc}-${code}`), code: `${pc}-${code}`, name, kind: 'DEPARTMENT', parentId: committee.id, province: pc, block: deptBlock.code, blockOwnerId: committee.id };
      departments.push(o);
      deptBlock.members.push(o);
    }
    for (const [code, name] of AGENCIES) {
      const o: Org = { id: stableId('organization', `${pc}-${code}`), code: `${pc}-${code}`, name: `${name} ${CITIES.has(province) ? 'thành phố' : 'tỉnh'}`, kind: 'CITY_AGENCY', parentId: committee.id, province: pc, block: deptBlock.code, blockOwnerId: committee.id };
      deptBlock.members.push(o);
    }
    const communes = p === PROVINCES.length - 1 ? communesLeft : Math.round((communeTotal * weights[p]!) / weightSum);
    communesLeft -= communes;
    const usedNames = new Set<string>();
    for (let i = 1; i <= communes; i++) {
      let name: string;
      do {
        name = `${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]}`;
        if (usedNames.has(name)) name = `${name} ${Math.floor(rnd() * 9) + 1}`;
      } while (usedNames.has(name));
      usedNames.add(name);
      const ward = rnd() < 0.3;
      const code = `${pc}-${ward ? 'P' : 'X'}${String(i).padStart(3, '0')}`;
      const o: Org = { id: stableId('organization', code), code, name: `${ward ? 'Phường' : 'Xã'} ${name}`, kind: 'COMMUNE_COMMITTEE', parentId: committee.id, province: pc, block: communeBlock.code, blockOwnerId: committee.id };
      communeBlock.members.push(o);
    }
    let u = 0;
    for (const dept of departments) {
      const count = 3 + Math.floor(rnd() * 2);
      for (let i = 0; i < count; i++) {
        u++;
        const code = `${dept.code}-U${i + 1}`;
        const o: Org = {
          id: stableId('organization', code), code, kind: 'SUBORDINATE_UNIT', parentId: dept.id, province: pc, block: unitBlock.code, blockOwnerId: committee.id,
          name: `${UNIT_KINDS[Math.floor(rnd() * UNIT_KINDS.length)]} ${UNIT_TOPICS[(u * 7 + i) % UNIT_TOPICS.length]} ${i + 1}`,
        };
        unitBlock.members.push(o);
      }
    }
    orgs.push(...deptBlock.members, ...communeBlock.members, ...unitBlock.members);
    blocks.push(deptBlock, communeBlock, unitBlock);
  });

  // Every organization has a head since 2019; one in eight changed head on a date inside the five years.
  const assignments: Assignment[] = [];
  for (const o of orgs) {
    const r = rngFor(`heads:${o.code}`);
    const name = () => `${FAMILY[Math.floor(r() * FAMILY.length)]} ${MIDDLE[Math.floor(r() * MIDDLE.length)]} ${GIVEN[Math.floor(r() * GIVEN.length)]}`;
    const first = { key: `${o.code}#1`, start: '2019-01-01' };
    if (r() < 0.125) {
      const year = YEARS[Math.floor(r() * YEARS.length)]!;
      const month = 1 + Math.floor(r() * 12);
      const change = `${year}-${String(month).padStart(2, '0')}-01`;
      const dayBefore = new Date(Date.parse(`${change}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      assignments.push({ id: stableId('head-assignment', first.key), organizationId: o.id, personId: stableId('person', first.key), personName: name(), title: TITLES[o.kind], startDate: first.start, endDate: dayBefore, acting: false });
      assignments.push({ id: stableId('head-assignment', `${o.code}#2`), organizationId: o.id, personId: stableId('person', `${o.code}#2`), personName: name(), title: TITLES[o.kind], startDate: change, endDate: null, acting: false });
    } else {
      assignments.push({ id: stableId('head-assignment', first.key), organizationId: o.id, personId: stableId('person', first.key), personName: name(), title: TITLES[o.kind], startDate: first.start, endDate: null, acting: false });
    }
  }
  return { orgs, assignments, blocks };
}

// ───────────────────────────── criteria, scores, ranks ─────────────────────────────

export interface Leaf { code: string; areaCode: string; maxHundredths: number; survey: boolean }
export interface AreaNode { code: string; name: string; maxHundredths: number; criteria: { code: string; name: string; maxHundredths: number; leaves: Leaf[] }[] }

const AREAS_876: [string, string, number][] = [
  ['STEERING', 'Công tác chỉ đạo, điều hành cải cách hành chính', 900], ['INSTITUTIONS', 'Cải cách thể chế', 1000],
  ['PROCEDURES', 'Cải cách thủ tục hành chính', 1400], ['APPARATUS', 'Cải cách tổ chức bộ máy hành chính nhà nước', 1000],
  ['CIVIL_SERVICE', 'Cải cách chế độ công vụ', 1300], ['PUBLIC_FINANCE', 'Cải cách tài chính công', 1000],
  ['DIGITAL', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 1400], ['IMPACT', 'Tác động của cải cách hành chính', 2000],
];

/** 8 areas, 37 criteria, 90 scored leaves, 100 points (illustrative points on the QĐ 876 area names). */
export function buildCriteria(): AreaNode[] {
  const leavesPerArea = [10, 11, 12, 11, 12, 10, 12, 12]; // 90
  const criteriaPerArea = [4, 4, 5, 4, 5, 4, 5, 6]; // 37
  return AREAS_876.map(([code, name, max], a) => {
    const nLeaves = leavesPerArea[a]!;
    const nCriteria = criteriaPerArea[a]!;
    const base = Math.floor(max / nLeaves);
    const leafMax = Array.from({ length: nLeaves }, (_, i) => base + (i < max - base * nLeaves ? 1 : 0));
    const criteria: AreaNode['criteria'] = [];
    let leafIndex = 0;
    for (let c = 0; c < nCriteria; c++) {
      const count = Math.floor(nLeaves / nCriteria) + (c < nLeaves % nCriteria ? 1 : 0);
      const leaves: Leaf[] = [];
      for (let l = 0; l < count; l++, leafIndex++) {
        leaves.push({ code: `${a + 1}.${c + 1}.${l + 1}`, areaCode: code, maxHundredths: leafMax[leafIndex]!, survey: code === 'IMPACT' || (code === 'PROCEDURES' && l === count - 1) });
      }
      criteria.push({ code: `${a + 1}.${c + 1}`, name: `Tiêu chí ${a + 1}.${c + 1}`, maxHundredths: leaves.reduce((s, x) => s + x.maxHundredths, 0), leaves });
    }
    return { code, name, maxHundredths: max, criteria };
  });
}

export interface Published {
  organizationId: string;
  year: number;
  block: string;
  indexHundredths: number;
  rank: number;
  rankOf: number;
  scores: number[]; // hundredths, one per leaf
}

/** Scores of every leaf (index = total points, every leaf applicable), then ranks per block and year (1, 2, 2, 4). */
export function* publishedResults(country: Country, leaves: Leaf[], year: number): Generator<Published[]> {
  for (const block of country.blocks) {
    const results: Published[] = block.members.map((o) => {
      const r = rngFor(`scores:${o.code}:${year}`);
      const quality = 0.62 + r() * 0.36;
      const scores = leaves.map((leaf) => Math.max(0, Math.min(leaf.maxHundredths, Math.round(leaf.maxHundredths * (quality + (r() - 0.5) * 0.2)))));
      return { organizationId: o.id, year, block: block.code, indexHundredths: scores.reduce((s, x) => s + x, 0), rank: 0, rankOf: block.members.length, scores };
    });
    const sorted = [...results].sort((a, b) => b.indexHundredths - a.indexHundredths);
    sorted.forEach((res, i) => { res.rank = i > 0 && res.indexHundredths === sorted[i - 1]!.indexHundredths ? sorted[i - 1]!.rank : i + 1; });
    yield results;
  }
}

// ───────────────────────────── the tables ─────────────────────────────

const BANDS = [{ label: 'A', minHundredths: 9000 }, { label: 'B', minHundredths: 8000 }, { label: 'C', minHundredths: 7000 }];
const bandOf = (index: number) => BANDS.find((b) => index >= b.minHundredths)?.label ?? null;
/** The Quảng Ngãi 2018 bands (80/70/50) of the seeded city rule; levels and months come from the evaluations rules themselves. */
const LEVEL_BANDS: Band[] = [{ level: 'EXCELLENT', minHundredths: 8000 }, { level: 'GOOD', minHundredths: 7000 }, { level: 'COMPLETED', minHundredths: 5000 }];

/** The stored criteria tree of reform-index (areas → criteria → scored leaves, points in hundredths). */
function areaTree(areas: AreaNode[]) {
  const node = (code: string, name: string, maxHundredths: number, method: string, children: unknown[]) => ({
    code, name, maxHundredths, method, mayNotApply: false, notApplicablePolicy: 'EXCLUDE_FROM_MAX', evidenceRequired: false, children,
  });
  return areas.map((a) => ({
    code: a.code, name: a.name, maxHundredths: a.maxHundredths,
    criteria: a.criteria.map((c) => node(c.code, c.name, c.maxHundredths, 'SELF_ASSESSED',
      c.leaves.map((l) => node(l.code, `Tiêu chí thành phần ${l.code}`, l.maxHundredths, l.survey ? 'SURVEY' : 'SELF_ASSESSED', [])))),
  }));
}

export function tables(): TableSpec[] {
  const country = buildCountry();
  const areas = buildCriteria();
  const tree = areaTree(areas);
  const leaves = areas.flatMap((a) => a.criteria.flatMap((c) => c.leaves));
  const byId = new Map(country.orgs.map((o) => [o.id, o]));
  const headsOf = new Map<string, Assignment[]>();
  for (const a of country.assignments) headsOf.set(a.organizationId, [...(headsOf.get(a.organizationId) ?? []), a]);
  const results = new Map(YEARS.map((year) => [year, [...publishedResults(country, leaves, year)]]));
  const setId = (year: number, block: string) => stableId('criteria-set', `${year}:${block}`);
  const publicationId = (year: number, block: string) => stableId('publication', `${year}:${block}`);
  const decision = (year: number, block: string) => `${1000 + country.blocks.findIndex((b) => b.code === block)}/QĐ-UBND-${year + 1}`;
  const publishedAt = (year: number) => new Date(Date.UTC(year + 1, 0, 9, 3, 0, 0));
  const snapshot = (o: Org) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind });
  const ruleId = (province: string) => stableId('level-rule', province);
  const committees = country.orgs.filter((o) => o.kind === 'CITY_COMMITTEE');
  const ruleOf = (o: Org) => {
    const owner = byId.get(o.blockOwnerId!)!;
    return {
      id: ruleId(owner.code), version: 1, owner: snapshot(owner), name: 'Quy tắc xếp mức (ví dụ: Quảng Ngãi 2018)', legalBasis: 'Ví dụ theo Quảng Ngãi 2018',
      effectiveFrom: '2018-01-01', effectiveTo: null, bands: LEVEL_BANDS, excellentRequiresAllDuties: true, lastInBlockMaxLevel: null,
      mitigationCeiling: 'COMPLETED', minMonthsInOffice: 6,
    };
  };

  return [
    // ── organizations ──
    {
      db: 'organizations', table: 'organization', rows: () => country.orgs.map((o) => ({
        id: o.id, code: o.code, name: o.name, short_name: null, kind: o.kind, parent_id: o.parentId, valid_from: '2025-07-01', valid_to: null,
        advises_on: o.code.endsWith('-SNV') ? ['STEERING', 'APPARATUS', 'CIVIL_SERVICE'] : [], search_text: fold(`${o.code} ${o.name}`), version: 1,
      })),
    },
    { db: 'organizations', table: 'person', rows: () => country.assignments.map((a) => ({ id: a.personId, full_name: a.personName, version: 1 })) },
    {
      db: 'organizations', table: 'head_assignment', rows: () => country.assignments.map((a) => ({
        id: a.id, person_id: a.personId, organization_id: a.organizationId, title: a.title, start_date: a.startDate, end_date: a.endDate, acting: a.acting, version: 1,
      })),
    },
    // ── reform-index ──
    {
      db: 'reform-index', table: 'criteria_set', rows: function* () {
        for (const year of YEARS) {
          for (const block of country.blocks) {
            const owner = byId.get(block.ownerId)!;
            yield {
              id: setId(year, block.code), year, block: block.code, owner_id: owner.id, owner_kind: owner.kind, owner_code: owner.code,
              name: `Bộ chỉ số CCHC ${year}, khối ${block.code} (điểm minh họa theo các lĩnh vực của QĐ 876)`, legal_basis: 'QĐ 876/QĐ-BNV', status: 'ACTIVE',
              area_tree: tree, band_list: BANDS, max_hundredths: 10_000, version: 1, created_at: new Date(Date.UTC(year, 0, 15)), activated_at: new Date(Date.UTC(year, 0, 20)),
            };
          }
        }
      },
    },
    {
      db: 'reform-index', table: 'publication', rows: function* () {
        for (const year of YEARS) {
          for (const block of results.get(year)!) {
            const sum = block.reduce((s, p) => s + p.indexHundredths, 0);
            yield {
              id: publicationId(year, block[0]!.block), year, block: block[0]!.block, criteria_set_id: setId(year, block[0]!.block), decision_number: decision(year, block[0]!.block),
              published_at: publishedAt(year), average_hundredths: Math.floor((2 * sum + block.length) / (2 * block.length)), ranked_count: block.length,
            };
          }
        }
      },
    },
    {
      db: 'reform-index', table: 'assessment', rows: function* () {
        for (const year of YEARS) {
          for (const block of results.get(year)!) {
            for (const p of block) {
              const sheet: Record<string, Record<string, number>> = {};
              leaves.forEach((leaf, i) => { sheet[leaf.code] = leaf.survey ? { survey: p.scores[i]! } : { self: Math.min(leaf.maxHundredths, p.scores[i]! + 25), appraised: p.scores[i]! }; });
              yield {
                id: stableId('assessment', `${p.organizationId}:${year}`), organization_id: p.organizationId, year, block: p.block, criteria_set_id: setId(year, p.block),
                status: 'PUBLISHED', sheet, publication_id: publicationId(year, p.block), index_hundredths: p.indexHundredths, total_hundredths: p.indexHundredths,
                applicable_max_hundredths: 10_000, rank: p.rank, rank_of: p.rankOf, band: bandOf(p.indexHundredths), version: 1, created_at: new Date(Date.UTC(year, 1, 1)),
              };
            }
          }
        }
      },
    },
    // ── evaluations ──
    {
      db: 'evaluations', table: 'level_rule', rows: () => committees.map((c) => ({
        id: ruleId(c.code), owner_id: c.id, owner_snapshot: snapshot(c), name: 'Quy tắc xếp mức (ví dụ: Quảng Ngãi 2018)', legal_basis: 'Ví dụ theo Quảng Ngãi 2018',
        effective_from: '2018-01-01', effective_to: null, bands: LEVEL_BANDS, excellent_requires_all_duties: true, last_in_block_max_level: null,
        mitigation_ceiling: 'COMPLETED', min_months_in_office: 6, version: 1, created_at: new Date(Date.UTC(2018, 0, 1)),
      })),
    },
    {
      db: 'evaluations', table: 'head_evaluation', rows: function* () {
        for (const year of YEARS) {
          for (const block of results.get(year)!) {
            const lastRank = Math.max(...block.map((p) => p.rank));
            for (const p of block) {
              const org = byId.get(p.organizationId)!;
              const owner = byId.get(org.blockOwnerId!)!;
              const evaluator = byId.get(org.parentId!)!;
              for (const a of headsOf.get(org.id) ?? []) {
                const months = monthsInOffice([a], year);
                if (months < 6) continue;
                const level = bandLevel(LEVEL_BANDS, p.indexHundredths);
                const decidedAt = new Date(Date.UTC(year + 1, 0, 20, 3, 0, 0));
                yield {
                  id: stableId('head-evaluation', `${a.id}:${year}`), year, block: p.block, organization_id: org.id, person_id: a.personId, head_assignment_id: a.id,
                  evaluator_organization_id: evaluator.id, evaluator_is_city_committee: evaluator.kind === 'CITY_COMMITTEE', block_owner_id: owner.id, block_owned_by_city: true,
                  rule_id: ruleId(owner.code), rule_snapshot: ruleOf(org),
                  snapshot: {
                    organization: { ...snapshot(org), parentId: org.parentId }, person: { id: a.personId, fullName: a.personName },
                    assignment: { id: a.id, title: a.title, startDate: a.startDate, endDate: a.endDate, acting: a.acting },
                    ranking: { decisionNumber: decision(year, p.block), publishedAt: publishedAt(year).toISOString(), owner: snapshot(owner), lastRank },
                  },
                  index_hundredths: p.indexHundredths, rank: p.rank, rank_of: p.rankOf, last_in_block: p.rank === lastRank, months_in_office: months,
                  duties_fulfilled: true, duty_notes: null, proposed_level: level, final_level: level, status: 'APPROVED', decision_comment: 'Đồng ý',
                  decided_at: decidedAt, decided_by: `person:${evaluator.code}`, deciding_organization_id: evaluator.id, version: 1, created_at: new Date(Date.UTC(year + 1, 0, 12)),
                };
              }
            }
          }
        }
      },
    },
  ];
}

/** Score entries stored per assessment (reform-index keeps each assessment's scores as one JSON sheet). */
export const SCORE_LEAVES = 90;

// ───────────────────────────── loading ─────────────────────────────

function copyText(value: Value | undefined, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  let text: string;
  if (Array.isArray(value) && type === 'ARRAY') {
    text = `{${(value as string[]).map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  } else if (typeof value === 'object') {
    text = JSON.stringify(value);
  } else {
    text = value;
  }
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

interface ColumnInfo { name: string; type: string; required: boolean }

async function columnsOf(client: pg.Client, table: string): Promise<ColumnInfo[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
    `select column_name, data_type, is_nullable, column_default, is_identity from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table]);
  return rows.map((r) => ({ name: r.column_name, type: r.data_type, required: r.is_nullable === 'NO' && r.column_default === null && r.is_identity !== 'YES' }));
}

export interface LoadReport { table: string; db: Db; rows: number; ms: number; skipped?: string }

/** Empties the bench tables and loads them again; a table the owner has not created yet is reported as skipped. */
export async function loadAll(databaseUrls: Record<Db, string>, log: (line: string) => void = () => {}): Promise<LoadReport[]> {
  const specs = tables();
  const reports: LoadReport[] = [];
  const clients = new Map<Db, pg.Client>();
  try {
    for (const db of Object.keys(databaseUrls) as Db[]) {
      const client = new pg.Client({ connectionString: databaseUrls[db] });
      await client.connect();
      await client.query(`set maintenance_work_mem = '256MB'`);
      clients.set(db, client);
    }
    const present: TableSpec[] = [];
    const columns = new Map<string, ColumnInfo[]>();
    for (const spec of specs) {
      const client = clients.get(spec.db)!;
      const live = await columnsOf(client, spec.table);
      if (!live.length) {
        reports.push({ table: spec.table, db: spec.db, rows: 0, ms: 0, skipped: 'no such table yet' });
        continue;
      }
      const sample = spec.rows()[Symbol.iterator]().next().value as Row | undefined;
      const generated = new Set(Object.keys(sample ?? {}));
      const missing = live.filter((c) => c.required && !generated.has(c.name)).map((c) => c.name);
      if (missing.length) throw new Error(`bench/generate.ts: ${spec.db}.${spec.table} has required columns the generator does not fill: ${missing.join(', ')}`);
      columns.set(`${spec.db}.${spec.table}`, live.filter((c) => generated.has(c.name)));
      present.push(spec);
    }
    for (const db of clients.keys()) {
      const names = present.filter((s) => s.db === db).map((s) => `"${s.table}"`);
      if (names.length) await clients.get(db)!.query(`truncate ${names.join(', ')} cascade`);
    }
    for (const spec of present) {
      const client = clients.get(spec.db)!;
      const cols = columns.get(`${spec.db}.${spec.table}`)!;
      const started = Date.now();
      let count = 0;
      const rows = spec.rows();
      async function* lines() {
        let buffer = '';
        for (const row of rows) {
          buffer += `${cols.map((c) => copyText(row[c.name], c.type)).join('\t')}\n`;
          count++;
          if (buffer.length > 1 << 20) { yield buffer; buffer = ''; }
        }
        if (buffer) yield buffer;
      }
      await pipeline(Readable.from(lines()), client.query(copyFrom(`copy "${spec.table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) from stdin`)));
      await client.query(`analyze "${spec.table}"`);
      const ms = Date.now() - started;
      reports.push({ table: spec.table, db: spec.db, rows: count, ms });
      log(`${spec.db}.${spec.table}: ${count} rows in ${(ms / 1000).toFixed(1)} s`);
    }
  } finally {
    for (const client of clients.values()) await client.end().catch(() => {});
  }
  return reports;
}

/**
 * What the loaded data depends on: this generator and every migration of the three subgraphs (their sources, since
 * a migration edited in place would not run again on an existing database). A change means a fresh database.
 */
export function fingerprint(root: string): string {
  const hash = createHash('sha1').update(`generator ${GENERATOR_VERSION}\n`).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const db of ['organizations', 'reform-index', 'evaluations']) {
    const dir = path.join(root, 'services', db, 'src', 'migrations');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) hash.update(`${db}/${file}\n`).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex');
}

