import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** The dictionary ships inside the npm package: nothing is fetched at run time. Loaded once (≈0.2 s). */
let jieba: Jieba | null = null;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

/** A word worth keeping: at least one letter or digit (drops punctuation, spaces and symbols). */
const WORD = /[\p{L}\p{N}]/u;

/** Full-width letters and digits (ＳＦ１２３) as their ASCII forms, everything lower case. */
export const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/** Words of `text` (jieba precise mode with HMM for unknown words), normalised, punctuation dropped. */
export const words = (text: string): string[] => wordsOfNormalised(normalise(text));

/** `words` of a text already normalised. */
export function wordsOfNormalised(normal: string): string[] {
  return segmenter()
    .cut(normal, true)
    .map((w) => w.trim())
    .filter((w) => WORD.test(w));
}

/**
 * Words of `text` in jieba's search mode: a long word also yields the dictionary words inside it
 * (外包装 → 外包, 包装, 外包装), so a search for a shorter word finds the longer one.
 */
export function searchWords(text: string): string[] {
  return segmenter()
    .cutForSearch(normalise(text), true)
    .map((w) => w.trim())
    .filter((w) => WORD.test(w));
}
