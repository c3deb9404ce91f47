import { normalise, searchWords } from '../../lib/segment.js';

/** A run of ASCII letters/digits this long (waybill, order, phone numbers in the text) is indexed by its suffixes. */
const FRAGMENT_RUN = /[a-z0-9]{5,}/g;
/** The shortest fragment a search finds (also the shortest suffix indexed). */
export const MIN_FRAGMENT = 4;
/** Longer terms are not worth indexing (and PostgreSQL caps a lexeme's size). */
const MAX_TERM = 64;

/**
 * Full-width letters and digits (ＳＦ１２３) as ASCII, one UTF-16 unit for one: offsets in the folded
 * text are offsets in the original, so snippets can be cut from it.
 */
export const foldWidth = (text: string) =>
  text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/**
 * The terms a document is indexed by: its words in jieba's search mode (外包装 → 外包, 包装, 外包装)
 * and, for every run of ≥ 5 letters/digits, its suffixes of ≥ 4 characters, so that a prefix query
 * for a fragment (1234 of SF12345678) finds it.
 */
export function indexTerms(text: string): string[] {
  const terms = new Set(searchWords(text));
  for (const [run] of normalise(text).matchAll(FRAGMENT_RUN)) {
    for (let i = 0; i + MIN_FRAGMENT <= run.length; i++) terms.add(run.slice(i));
  }
  return [...terms].filter((t) => t.length <= MAX_TERM);
}

/**
 * The term a complaint holds for its category and for each ancestor of it, so that a search within a
 * category subtree (a list's `categoryId`) is one intersection in the index. It starts with a
 * private-use character: typed text never yields it (a query's words are segmented), and FTS5's
 * unicode61 tokenizer keeps such a character inside the token.
 */
export const categoryTerm = (categoryId: number) => `\ue000c${categoryId}`;

/** The terms of a complaint: its document's (`indexTerms`) and those of its category's path (`/1/5/`). */
export function complaintTerms(body: string, categoryPath: string | undefined): string[] {
  const ids = (categoryPath ?? '').split('/').filter(Boolean).map(Number);
  return [...indexTerms(body), ...ids.map(categoryTerm)];
}
