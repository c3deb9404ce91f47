import { normalise, searchWords } from './segment.js';

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
