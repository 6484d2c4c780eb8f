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

/**
 * Every word of a search is one LIKE condition, each answered by the trigram index and checked again on every
 * candidate row: 9,000 words once took seconds per query and 16 such queries made the subgraph unreachable. An
 * organization's name is a handful of words, so a search needs no more than these.
 */
export const SEARCH_MAX_WORDS = 8;
export const SEARCH_MAX_CHARACTERS = 200;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The LIKE patterns of a search, one per distinct folded word (every word must appear, in any order: "tu phap STP"
 * finds Sở Tư pháp), or why the search is refused.
 */
export function searchPatterns(search: string | null | undefined): { patterns: string[] } | { problem: string } {
  const text = search ?? '';
  if (text.length > SEARCH_MAX_CHARACTERS) return { problem: `must be at most ${SEARCH_MAX_CHARACTERS} characters (it has ${text.length})` };
  const words = foldVietnamese(text).split(' ').filter(Boolean);
  if (words.length > SEARCH_MAX_WORDS) return { problem: `must be at most ${SEARCH_MAX_WORDS} words (it has ${words.length})` };
  return { patterns: [...new Set(words)].map((word) => `%${escapeLike(word)}%`) };
}
