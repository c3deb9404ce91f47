import { charGramTable, eachUnitGram, gramIndex, gramKey, keyOfGram } from './char-grams.js';
import {
  ASTRAL,
  bump,
  CHARS,
  charRuns,
  eachCharGram,
  eachWordTerm,
  featureText,
  type TermCounts,
  type TermGroup,
  WORDS,
} from './features.js';

/** A sparse vector: feature indices ascending, with their values. */
export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/** The fitted vocabulary: term → index, and each term's inverse document frequency. */
export interface Vocabulary {
  terms: string[];
  idf: number[];
}

/** Terms in fewer documents than this are noise (misspellings, one-off numbers). */
export const MIN_DF = 2;

export function fitVocabulary(docs: TermCounts[], minDf = MIN_DF): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of doc.words.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    for (const term of doc.chars.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = docs.length;
  const terms = [...df.entries()]
    .filter(([, d]) => d >= Math.min(minDf, n))
    .map(([t]) => t)
    .sort();
  // Smoothed idf as in scikit-learn: a term in every document still counts a little.
  const idf = terms.map((t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  return { terms, idf };
}

export type TermIndex = Map<string, number>;
export const termIndex = (vocabulary: Vocabulary): TermIndex =>
  new Map(vocabulary.terms.map((t, i) => [t, i]));

const unseenIdfs = new WeakMap<Vocabulary, number>();

/** The idf of a term the vocabulary has not got: that of the rarest terms it has. */
function unseenIdf(vocabulary: Vocabulary): number {
  let idf = unseenIdfs.get(vocabulary);
  if (idf === undefined) {
    idf = vocabulary.idf.reduce((max, v) => Math.max(max, v), 1);
    unseenIdfs.set(vocabulary, idf);
  }
  return idf;
}

/** Per vocabulary, a term's count by feature index while one text is weighed (zero between texts). */
const scratches = new WeakMap<Vocabulary, { counts: Float64Array; values: Float64Array }>();

function scratchOf(vocabulary: Vocabulary) {
  let scratch = scratches.get(vocabulary);
  if (!scratch) {
    const n = vocabulary.terms.length;
    scratch = { counts: new Float64Array(n), values: new Float64Array(n) };
    scratches.set(vocabulary, scratch);
  }
  return scratch;
}

/** One group of a text's terms: the known ones by feature index (counts in the scratch), the unknown ones' counts. */
interface Group {
  known: number[];
  unknownCounts: Iterable<number>;
}

/**
 * Sublinear TF-IDF, each group (words, characters) L2-normalised on its own and weighted equally,
 * so a long text's many character n-grams do not drown its words. Unknown terms count in the norm
 * as the rarest known ones: a text mostly made of them yields a short vector, i.e. little evidence,
 * instead of a few known terms blown up to full length. Resets the scratch counts it reads.
 */
function weigh(vocabulary: Vocabulary, groups: Group[]): SparseVector {
  const unseen = unseenIdf(vocabulary);
  const { idf } = vocabulary;
  const { counts, values } = scratchOf(vocabulary);
  let size = 0;
  for (const { known, unknownCounts } of groups) {
    let norm = 0;
    for (const count of unknownCounts) norm += ((1 + Math.log(count)) * unseen) ** 2;
    for (const i of known) {
      const v = (1 + Math.log(counts[i] as number)) * (idf[i] ?? 1);
      values[i] = v;
      norm += v * v;
      counts[i] = 0;
    }
    const scale = norm > 0 ? Math.SQRT1_2 / Math.sqrt(norm) : 0;
    for (const i of known) values[i] = (values[i] as number) * scale;
    size += known.length;
  }
  // Feature indices are distinct: a numeric sort of them gives the ascending order.
  const index = new Int32Array(size);
  let k = 0;
  for (const { known } of groups) for (const i of known) index[k++] = i;
  index.sort();
  const value = new Float64Array(size);
  for (let j = 0; j < size; j++) value[j] = values[index[j] as number] as number;
  return { index, value };
}

/** The vector of counted terms (training counts every text once, then weighs it with the vocabulary). */
export function vectorize(doc: TermCounts, vocabulary: Vocabulary, index: TermIndex): SparseVector {
  const { counts } = scratchOf(vocabulary);
  const groups = [doc.words, doc.chars].map((terms): Group => {
    const known: number[] = [];
    const unknownCounts: number[] = [];
    for (const [term, count] of terms) {
      const i = index.get(term);
      if (i === undefined) unknownCounts.push(count);
      else {
        counts[i] = count;
        known.push(i);
      }
    }
    return { known, unknownCounts };
  });
  return weigh(vocabulary, groups);
}

/**
 * The vector of a text, as `vectorize(termCounts(text))` gives it, in one pass: a known term is
 * counted by its feature index, only unknown ones by their text (character n-grams by their code
 * units, char-grams.ts). Also the number of distinct known words ("w:" terms), which tells how much
 * the text says (model.ts).
 */
export function textVector(
  text: string,
  vocabulary: Vocabulary,
  index: TermIndex,
): { x: SparseVector; knownWords: number } {
  const { counts } = scratchOf(vocabulary);
  const grams = charGramTable(vocabulary);
  const known: [number[], number[]] = [[], []];
  const unknownWords = new Map<string, number>();
  const unknownChars = new Map<string | number, number>();
  let knownWords = 0;
  const count = (group: TermGroup, i: number) => {
    if (counts[i] === 0) known[group].push(i);
    counts[i] = (counts[i] as number) + 1;
  };
  const gram = (c1: number, c2: number, c3: number) => {
    const i = gramIndex(grams, c1, c2, c3);
    if (i < 0) bump(unknownChars, gramKey(c1, c2, c3));
    else count(CHARS, i);
  };
  try {
    const normal = featureText(text);
    eachWordTerm(normal, (term) => {
      const i = index.get(term);
      if (i === undefined) bump(unknownWords, term);
      else {
        if (counts[i] === 0 && term.startsWith('w:')) knownWords++;
        count(WORDS, i);
      }
    });
    for (const run of charRuns(normal)) {
      if (!ASTRAL.test(run)) eachUnitGram(run, gram);
      else
        eachCharGram(run, (term) => {
          const i = index.get(term);
          // An unknown gram of the basic plane counts under its key, as in the other runs.
          if (i === undefined) bump(unknownChars, ASTRAL.test(term) ? term : keyOfGram(term.slice(2)));
          else count(CHARS, i);
        });
    }
  } catch (error) {
    // The scratch is shared by every text of this vocabulary: leave it zeroed.
    for (const i of [...known[WORDS], ...known[CHARS]]) counts[i] = 0;
    throw error;
  }
  const x = weigh(vocabulary, [
    { known: known[WORDS], unknownCounts: unknownWords.values() },
    { known: known[CHARS], unknownCounts: unknownChars.values() },
  ]);
  return { x, knownWords };
}

export function dot(w: ArrayLike<number>, x: SparseVector): number {
  let s = 0;
  for (let k = 0; k < x.index.length; k++) s += (w[x.index[k] as number] as number) * (x.value[k] as number);
  return s;
}
