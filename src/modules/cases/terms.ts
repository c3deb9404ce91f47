import { type SqlBool, sql } from 'kysely';
import { searchWords, words } from '../../lib/segment.js';
import type { CaseInput } from './schemas.js';

/**
 * The searchable words of a case, each once, space-separated: jieba's search mode also yields the
 * words inside longer ones (外包装 → 包装), and a query word matches when it is contained in one.
 */
export function caseTerms(input: CaseInput): string {
  const text = [
    input.title,
    input.summary ?? '',
    input.lessons,
    ...input.scripts.flatMap((s) => [s.title, s.text]),
    ...(input.tags ?? []),
  ].join('\n');
  return [...new Set(searchWords(text))].join(' ');
}

/** The distinct words of a library search; a case matches when its terms contain every one. */
export const queryWords = (q: string) => [...new Set(words(q))];

/** `column` contains `word` (LIKE, its wildcards escaped by a backslash; both dialects). */
export const contains = (column: string, word: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
