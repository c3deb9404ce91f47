import { normalise, wordsOfNormalised } from '../../lib/segment.js';
import { lexiconClasses } from './lexicon.js';

/** Very long texts (a pasted mail thread) are cut: the start says what the complaint is about. */
export const MAX_CHARS = 4000;

/** Runs of letters and digits; digits become 0 so waybill numbers and amounts share features. */
const RUNS = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{Nd}/u;
const digitsAsZero = (s: string) =>
  DIGIT.test(s) ? s.replace(/\p{Nd}+/gu, (d) => (d.length > 3 ? '0000' : '0')) : s;
/** A character outside the basic plane: the run is then split by code point, not by UTF-16 unit. */
export const ASTRAL = /[\uD800-\uDFFF]/;

export interface TermCounts {
  /** Word unigrams and bigrams ("w:" / "b:"), and the synonym classes mentioned ("l:", lexicon.ts). */
  words: Map<string, number>;
  /** Character 1–3-grams inside each run of letters and digits ("c:"). */
  chars: Map<string, number>;
}

/** The group of a term: words (and their classes) or characters, each weighed apart (vectorizer.ts). */
export const WORDS = 0;
export const CHARS = 1;
export type TermGroup = typeof WORDS | typeof CHARS;

/** The text the features are taken from: cut to MAX_CHARS, normalised. */
export const featureText = (text: string) =>
  normalise(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);

/** The word terms of a feature text: words, pairs of neighbouring words, synonym classes. */
export function eachWordTerm(normal: string, visit: (term: string) => void): void {
  const ws = wordsOfNormalised(normal).map(digitsAsZero);
  for (let i = 0; i < ws.length; i++) {
    visit(`w:${ws[i]}`);
    if (i + 1 < ws.length) visit(`b:${ws[i]} ${ws[i + 1]}`);
  }
  for (const name of lexiconClasses(normal)) visit(`l:${name}`);
}

/** The runs of a feature text whose character n-grams are terms. */
export const charRuns = (normal: string): string[] => digitsAsZero(normal).match(RUNS) ?? [];

/** The character 1–3-gram terms of one run, by code point. */
export function eachCharGram(run: string, visit: (term: string) => void): void {
  const chars = ASTRAL.test(run) ? Array.from(run) : null;
  const length = chars ? chars.length : run.length;
  for (let i = 0; i < length; i++) {
    for (let n = 1; n <= 3 && i + n <= length; n++)
      visit(`c:${chars ? chars.slice(i, i + n).join('') : run.slice(i, i + n)}`);
  }
}

/** Every term of a text as it occurs, with its group: what TF-IDF counts. */
export function eachTerm(text: string, visit: (group: TermGroup, term: string) => void): void {
  const normal = featureText(text);
  eachWordTerm(normal, (term) => visit(WORDS, term));
  for (const run of charRuns(normal)) eachCharGram(run, (term) => visit(CHARS, term));
}

export const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** The raw terms of a text, counted. */
export function termCounts(text: string): TermCounts {
  const doc: TermCounts = { words: new Map(), chars: new Map() };
  eachTerm(text, (group, term) => bump(group === WORDS ? doc.words : doc.chars, term));
  return doc;
}
