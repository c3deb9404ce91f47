import { badRequest } from '../../lib/errors.js';
import { normalise, words } from '../../lib/segment.js';
import { foldWidth, MIN_FRAGMENT } from './terms.js';

/** One indexed term; `prefix` matches every term starting with it (fragments of numbers). */
export interface Term {
  text: string;
  prefix: boolean;
}

/** A parsed search: what the index must match and what the document text must (not) contain. */
export interface SearchQuery {
  /** Every term must match. */
  include: Term[];
  /** A document matching every term of one group is dropped. */
  exclude: Term[][];
  /** Must occur verbatim in the document (width-folded; letters compared without case). */
  phrases: string[];
  /** Must not occur in the document. */
  notPhrases: string[];
  /** What a snippet marks: the words and phrases as typed and their segmented terms, longest first. */
  highlights: string[];
}

const FRAGMENT = /^[a-z0-9]+$/;
/** A token of the query: an optional '-', then a "quoted phrase" or a run without spaces. */
const TOKEN = /(-?)(?:"([^"]*)"?|(\S+))/g;

/**
 * Terms of one word: its segmented words. Letters/digits of ≥ 4 characters match as prefixes (the
 * index holds the suffixes of long numbers, so a fragment matches anywhere in one); so does a single
 * Chinese character typed alone (破 finds 破损), which the segmenter rarely leaves alone in a
 * document. A character the segmenter split off a longer word (不 of 不一致, 了 of 多收了包装费) is
 * matched as itself: the same text in a document is split the same way, and as a prefix it would
 * expand to every word starting with it (不要, 不是 …), slower and wider.
 */
function termsOf(word: string): Term[] {
  const parts = words(word);
  return parts.map((text) => ({
    text,
    prefix: FRAGMENT.test(text) ? text.length >= MIN_FRAGMENT : parts.length === 1 && [...text].length === 1,
  }));
}

const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];

/**
 * Parse `q`: space-separated words (all must match), "quoted phrases" (verbatim), -exclusions (of a
 * word or a phrase). A word is segmented, so 外包装破损 typed as one word matches the document's
 * 外包装 … 破损. 400 when nothing positive remains to search for.
 */
export function parseSearch(q: string): SearchQuery {
  const include: Term[] = [];
  const exclude: Term[][] = [];
  const phrases: string[] = [];
  const notPhrases: string[] = [];
  const highlights: string[] = [];
  for (const [, minus, phrase, word] of foldWidth(q).matchAll(TOKEN)) {
    const text = (phrase ?? word ?? '').trim();
    const terms = termsOf(text);
    if (!terms.length) continue;
    if (minus) {
      if (phrase !== undefined) notPhrases.push(text);
      else exclude.push(terms);
      continue;
    }
    include.push(...terms);
    if (phrase !== undefined) phrases.push(text);
    highlights.push(normalise(text), ...terms.map((t) => t.text));
  }
  if (!include.length)
    throw badRequest('validation_failed', [
      { path: '/q', source: 'querystring', code: 'search_words_required' },
    ]);
  return {
    include: unique(include, (t) => `${t.text}\u0000${t.prefix}`),
    exclude,
    phrases,
    notPhrases,
    highlights: [...new Set(highlights)].sort((a, b) => b.length - a.length),
  };
}

/** One FTS5 term: a quoted string ("" doubles a quote), so input is never FTS syntax. */
export const ftsTerm = (t: Term) => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`;

/** One tsquery lexeme, quoted ('' and \\ escaped), :* for a prefix. */
export const tsTerm = (t: Term) =>
  `'${t.text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${t.prefix ? ':*' : ''}`;

/** FTS5 query text of a search. */
export function ftsQuery(query: Pick<SearchQuery, 'include' | 'exclude'>): string {
  const all = (terms: Term[]) => `(${terms.map(ftsTerm).join(' AND ')})`;
  return [all(query.include), ...query.exclude.map(all)].join(' NOT ');
}

/** tsquery text of a search, parsed as is (`::tsquery`): no text configuration, no locale. */
export function tsQuery(query: Pick<SearchQuery, 'include' | 'exclude'>): string {
  const all = (terms: Term[]) => `(${terms.map(tsTerm).join(' & ')})`;
  return [all(query.include), ...query.exclude.map((g) => `!${all(g)}`)].join(' & ');
}

/** A LIKE pattern for `text` anywhere, with \ as the escape character. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
