import { stableId } from 'subgraph-kit';

/**
 * Demo heads seeded for `pnpm start` (fictional people; titles and periods are plausible, not official). Other
 * subgraphs' seeds refer to them by these keys: person `stableId('person', personKey)`, assignment
 * `stableId('head-assignment', key)`, organization `stableId('organization', code)`.
 * An assignment ends the day before the next head of the same organization starts, or when the organization
 * closes through a 2025 event.
 */
export interface SeededHead {
  key: string;
  personKey: string;
  organizationCode: string;
  title: string;
  startDate: string;
  acting?: boolean;
}

export const SEEDED_PERSONS: { key: string; fullName: string }[] = [
  { key: 'hp-chairman', fullName: 'Nguyễn Minh Khang' },
  { key: 'snv-director', fullName: 'Trần Thị Thu Hà' },
  { key: 'stp-director-2019', fullName: 'Lê Văn Thành' },
  { key: 'stp-director-2025', fullName: 'Phạm Thị Ngọc Lan' },
  { key: 'skhdt-director', fullName: 'Hoàng Đức Anh' },
  { key: 'stc-director', fullName: 'Vũ Quang Huy' },
  { key: 'sct-director', fullName: 'Đặng Thị Mai' },
  { key: 'snnptnt-director', fullName: 'Bùi Văn Nam' },
  { key: 'stnmt-director', fullName: 'Đỗ Minh Tuấn' },
  { key: 'snnmt-director', fullName: 'Ngô Thị Hạnh' },
  { key: 'sgtvt-director', fullName: 'Dương Văn Long' },
  { key: 'sxd-director', fullName: 'Phan Thanh Sơn' },
  { key: 'stttt-director', fullName: 'Hồ Thị Yến' },
  { key: 'skhcn-director', fullName: 'Lương Đức Việt' },
  { key: 'sldtbxh-director', fullName: 'Trịnh Thị Thảo' },
  { key: 'svhtt-director', fullName: 'Mạc Văn Phong' },
  { key: 'sdl-director', fullName: 'Tô Thị Bích Ngọc' },
  { key: 'svhttdl-director', fullName: 'Đinh Quang Minh' },
  { key: 'sgddt-director-2018', fullName: 'Cao Văn Bình' },
  { key: 'sgddt-director-2025', fullName: 'Lã Thị Thanh Hương' },
  { key: 'syt-director', fullName: 'Nguyễn Hữu Cường' },
  { key: 'sngv-director', fullName: 'Trần Khánh Linh' },
  { key: 'tttp-chief', fullName: 'Lê Quốc Dũng' },
  { key: 'vpub-chief', fullName: 'Phạm Văn Hải' },
  { key: 'bqlkkt-head', fullName: 'Vũ Thị Phương' },
  ...[
    ['303', 'Nguyễn Văn Hòa'], ['304', 'Trần Đức Thắng'], ['305', 'Lê Thị Kim Oanh'], ['306', 'Phạm Minh Đức'],
    ['307', 'Hoàng Văn Tiến'], ['308', 'Đặng Quốc Việt'], ['309', 'Bùi Thị Hồng'], ['311', 'Đỗ Văn Quân'],
    ['312', 'Ngô Thanh Tùng'], ['313', 'Dương Thị Lan'], ['314', 'Phan Văn Hậu'], ['315', 'Hồ Đức Toàn'],
    ['316', 'Lương Văn Kiên'], ['317', 'Trịnh Minh Hiếu'], ['318', 'Mạc Thị Duyên'],
  ].map(([code, fullName]) => ({ key: `district-${code}-chairman`, fullName: fullName! })),
  ...[
    ['P-HONGBANG', 'Nguyễn Thị Thu Trang'], ['P-HAIAN', 'Trần Văn Lợi'], ['P-HONGAN', 'Lê Minh Châu'],
    ['P-NGOQUYEN', 'Phạm Đức Hạnh'], ['P-LECHAN', 'Hoàng Thị Nga'], ['P-BACANPHU', 'Vũ Văn Thịnh'],
    ['DK-CATHAI', 'Đặng Văn Biển'], ['DK-BACHLONGVI', 'Bùi Quang Hải'], ['X-QUYETTHANG', 'Đỗ Thị Hiền'],
    ['X-ANLAO', 'Ngô Văn Định'], ['X-VINHAM', 'Dương Minh Khoa'],
  ].map(([code, fullName]) => ({ key: `commune-${code}-chairman`, fullName: fullName! })),
];

const DISTRICT_TITLES: Record<string, string> = {
  '311-H': 'Chủ tịch UBND huyện', '312-H': 'Chủ tịch UBND huyện', '311': 'Chủ tịch UBND thành phố Thủy Nguyên', '312': 'Chủ tịch UBND quận',
  '313': 'Chủ tịch UBND huyện', '314': 'Chủ tịch UBND huyện', '315': 'Chủ tịch UBND huyện', '316': 'Chủ tịch UBND huyện',
  '317': 'Chủ tịch UBND huyện', '318': 'Chủ tịch UBND huyện',
};

const communeTitle = (code: string) =>
  code.startsWith('P-') ? 'Chủ tịch UBND phường' : code.startsWith('DK-') ? 'Chủ tịch UBND đặc khu' : 'Chủ tịch UBND xã';

export const SEEDED_HEADS: SeededHead[] = [
  { key: 'hp-chairman-2021', personKey: 'hp-chairman', organizationCode: 'HP', title: 'Chủ tịch UBND thành phố', startDate: '2021-06-01' },
  { key: 'snv-2020', personKey: 'snv-director', organizationCode: 'SNV', title: 'Giám đốc Sở Nội vụ', startDate: '2020-01-01' },
  { key: 'stp-2019', personKey: 'stp-director-2019', organizationCode: 'STP', title: 'Giám đốc Sở Tư pháp', startDate: '2019-03-01' },
  // A mid-2025 change: the 2025 evaluation of Sở Tư pháp concerns two heads.
  { key: 'stp-2025', personKey: 'stp-director-2025', organizationCode: 'STP', title: 'Giám đốc Sở Tư pháp', startDate: '2025-07-15' },
  { key: 'skhdt-2020', personKey: 'skhdt-director', organizationCode: 'SKHDT', title: 'Giám đốc Sở Kế hoạch và Đầu tư', startDate: '2020-01-01' },
  { key: 'stc-2020', personKey: 'stc-director', organizationCode: 'STC', title: 'Giám đốc Sở Tài chính', startDate: '2020-08-01' },
  { key: 'sct-2021', personKey: 'sct-director', organizationCode: 'SCT', title: 'Giám đốc Sở Công Thương', startDate: '2021-01-01' },
  { key: 'snnptnt-2019', personKey: 'snnptnt-director', organizationCode: 'SNNPTNT', title: 'Giám đốc Sở Nông nghiệp và Phát triển nông thôn', startDate: '2019-01-01' },
  { key: 'stnmt-2020', personKey: 'stnmt-director', organizationCode: 'STNMT', title: 'Giám đốc Sở Tài nguyên và Môi trường', startDate: '2020-05-01' },
  { key: 'snnmt-2025', personKey: 'snnmt-director', organizationCode: 'SNNMT', title: 'Giám đốc Sở Nông nghiệp và Môi trường', startDate: '2025-03-01' },
  { key: 'sgtvt-2020', personKey: 'sgtvt-director', organizationCode: 'SGTVT', title: 'Giám đốc Sở Giao thông vận tải', startDate: '2020-01-01' },
  { key: 'sxd-2020', personKey: 'sxd-director', organizationCode: 'SXD', title: 'Giám đốc Sở Xây dựng', startDate: '2020-03-01' },
  { key: 'stttt-2021', personKey: 'stttt-director', organizationCode: 'STTTT', title: 'Giám đốc Sở Thông tin và Truyền thông', startDate: '2021-02-01' },
  { key: 'skhcn-2022', personKey: 'skhcn-director', organizationCode: 'SKHCN', title: 'Giám đốc Sở Khoa học và Công nghệ', startDate: '2022-01-01' },
  { key: 'sldtbxh-2020', personKey: 'sldtbxh-director', organizationCode: 'SLDTBXH', title: 'Giám đốc Sở Lao động - Thương binh và Xã hội', startDate: '2020-01-01' },
  { key: 'svhtt-2021', personKey: 'svhtt-director', organizationCode: 'SVHTT', title: 'Giám đốc Sở Văn hóa và Thể thao', startDate: '2021-01-01' },
  { key: 'sdl-2021', personKey: 'sdl-director', organizationCode: 'SDL', title: 'Giám đốc Sở Du lịch', startDate: '2021-01-01' },
  { key: 'svhttdl-2025', personKey: 'svhttdl-director', organizationCode: 'SVHTTDL', title: 'Giám đốc Sở Văn hóa, Thể thao và Du lịch', startDate: '2025-03-01' },
  { key: 'sgddt-2018', personKey: 'sgddt-director-2018', organizationCode: 'SGDDT', title: 'Giám đốc Sở Giáo dục và Đào tạo', startDate: '2018-01-01' },
  // Acting from April, confirmed in October: one stint of the same person.
  { key: 'sgddt-2025-acting', personKey: 'sgddt-director-2025', organizationCode: 'SGDDT', title: 'Phó Giám đốc phụ trách Sở Giáo dục và Đào tạo', startDate: '2025-04-01', acting: true },
  { key: 'sgddt-2025', personKey: 'sgddt-director-2025', organizationCode: 'SGDDT', title: 'Giám đốc Sở Giáo dục và Đào tạo', startDate: '2025-10-01' },
  { key: 'syt-2021', personKey: 'syt-director', organizationCode: 'SYT', title: 'Giám đốc Sở Y tế', startDate: '2021-05-01' },
  { key: 'sngv-2022', personKey: 'sngv-director', organizationCode: 'SNGV', title: 'Giám đốc Sở Ngoại vụ', startDate: '2022-06-01' },
  { key: 'tttp-2020', personKey: 'tttp-chief', organizationCode: 'TTTP', title: 'Chánh Thanh tra thành phố', startDate: '2020-01-01' },
  { key: 'vpub-2021', personKey: 'vpub-chief', organizationCode: 'VPUB', title: 'Chánh Văn phòng UBND thành phố', startDate: '2021-01-01' },
  { key: 'bqlkkt-2019', personKey: 'bqlkkt-head', organizationCode: 'BQLKKT', title: 'Trưởng ban Ban Quản lý khu kinh tế', startDate: '2019-09-01' },
  ...['303', '304', '305', '306', '307', '308', '309', '313', '314', '315', '316', '317', '318'].map((code) => ({
    key: `district-${code}-2021`, personKey: `district-${code}-chairman`, organizationCode: code,
    title: DISTRICT_TITLES[code] ?? 'Chủ tịch UBND quận', startDate: '2021-07-01',
  })),
  // Thủy Nguyên and An Dương were reclassified on 1 Jan 2025: the same chairmen head the new committees.
  ...['311', '312'].flatMap((code) => [
    { key: `district-${code}-H-2021`, personKey: `district-${code}-chairman`, organizationCode: `${code}-H`, title: DISTRICT_TITLES[`${code}-H`]!, startDate: '2021-07-01' },
    { key: `district-${code}-2025`, personKey: `district-${code}-chairman`, organizationCode: code, title: DISTRICT_TITLES[code]!, startDate: '2025-01-01' },
  ]),
  ...['P-HONGBANG', 'P-HAIAN', 'P-HONGAN', 'P-NGOQUYEN', 'P-LECHAN', 'P-BACANPHU', 'DK-CATHAI', 'DK-BACHLONGVI', 'X-QUYETTHANG', 'X-ANLAO', 'X-VINHAM'].map((code) => ({
    key: `commune-${code}-2025`, personKey: `commune-${code}-chairman`, organizationCode: code, title: communeTitle(code), startDate: '2025-07-01',
  })),
];

export const seededOrganizationId = (code: string) => stableId('organization', code);
export const seededPersonId = (personKey: string) => stableId('person', personKey);
export const seededAssignmentId = (key: string) => stableId('head-assignment', key);
