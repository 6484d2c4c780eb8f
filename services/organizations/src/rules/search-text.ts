/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d. "Hồng Bàng" and "hong bang" fold alike.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchTextOf(org: { code: string; name: string; shortName?: string | null }): string {
  return foldVietnamese([org.code, org.name, org.shortName ?? ''].join(' '));
}
