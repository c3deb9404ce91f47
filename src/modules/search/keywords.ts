import { idf as idfFile } from '@node-rs/jieba/dict.js';
import { words } from '../../lib/segment.js';

/** jieba's IDF table (shipped in the package), loaded on first use; unknown words get its median. */
let table: { idf: Map<string, number>; median: number } | null = null;
function idfTable() {
  if (table) return table;
  const idf = new Map<string, number>();
  for (const line of Buffer.from(idfFile).toString('utf8').split('\n')) {
    const [word, value] = line.split(' ');
    if (word && value) idf.set(word, Number(value));
  }
  const sorted = [...idf.values()].sort((a, b) => a - b);
  table = { idf, median: sorted[Math.floor(sorted.length / 2)] ?? 10 };
  return table;
}

/** Numbers (waybills, orders) say which parcel, not what went wrong: they do not make complaints alike. */
const NUMBER_LIKE = /^[a-z0-9.]+$/;

/** The `count` most informative words of `text` by TF-IDF, best first, with their weights. */
export function keywords(text: string, count: number): Array<{ word: string; weight: number }> {
  const { idf, median } = idfTable();
  const tf = new Map<string, number>();
  for (const w of words(text)) {
    if ([...w].length < 2 || NUMBER_LIKE.test(w)) continue;
    tf.set(w, (tf.get(w) ?? 0) + 1);
  }
  return [...tf]
    .map(([word, n]) => ({ word, weight: n * (idf.get(word) ?? median) }))
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, count);
}
