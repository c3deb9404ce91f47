/**
 * Escalation risk (投诉升级风险): the listed words and phrases found among the jieba words of a text,
 * not as substrings — 曝光 fires in 我要去媒体曝光你们 but not in 曝光率, and 起诉 not in 引起诉求
 * (引起/诉求). A phrase of several words (邮政管理局 → 邮政/管理局) matches as consecutive words.
 */
import { words } from '../../lib/segment.js';

export interface WordList {
  /** Each listed entry as its words. */
  phrases: Array<{ entry: string; words: string[] }>;
}

export function wordList(entries: readonly string[]): WordList {
  return {
    phrases: entries.map((entry) => ({ entry, words: words(entry) })).filter((p) => p.words.length > 0),
  };
}

/** The listed entries the text contains as whole words, in list order. */
export function escalationWords(text: string, list: WordList): string[] {
  const found = words(text);
  return list.phrases
    .filter(({ words: phrase }) => found.some((_, i) => phrase.every((w, j) => found[i + j] === w)))
    .map((p) => p.entry);
}
