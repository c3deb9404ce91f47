import { normalise, words } from '../../lib/segment.js';
import { lexiconClasses } from './lexicon.js';

/** Very long texts (a pasted mail thread) are cut: the start says what the complaint is about. */
export const MAX_CHARS = 4000;

/** Runs of letters and digits; digits become 0 so waybill numbers and amounts share features. */
const RUNS = /[\p{L}\p{N}]+/gu;
const digitsAsZero = (s: string) => s.replace(/\p{Nd}+/gu, (d) => (d.length > 3 ? '0000' : '0'));

export interface TermCounts {
  /** Word unigrams and bigrams ("w:" / "b:"), and the synonym classes mentioned ("l:", lexicon.ts). */
  words: Map<string, number>;
  /** Character 1–3-grams inside each run of letters and digits ("c:"). */
  chars: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The raw terms of a text: what TF-IDF weighs. */
export function termCounts(text: string): TermCounts {
  const cut = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const ws = words(cut).map(digitsAsZero);
  const wordTerms = new Map<string, number>();
  for (let i = 0; i < ws.length; i++) {
    bump(wordTerms, `w:${ws[i]}`);
    if (i + 1 < ws.length) bump(wordTerms, `b:${ws[i]} ${ws[i + 1]}`);
  }
  const normal = normalise(cut);
  for (const name of lexiconClasses(normal)) bump(wordTerms, `l:${name}`);
  const charTerms = new Map<string, number>();
  for (const run of digitsAsZero(normal).match(RUNS) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 0; n < 3 && i + n < chars.length; n++) {
        gram += chars[i + n];
        bump(charTerms, `c:${gram}`);
      }
    }
  }
  return { words: wordTerms, chars: charTerms };
}
