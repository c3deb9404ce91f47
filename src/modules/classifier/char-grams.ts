import { ASTRAL } from './features.js';
import type { Vocabulary } from './vectorizer.js';

/**
 * The vocabulary's character n-grams looked up by their UTF-16 units, without building a string
 * per n-gram: a text has a few hundred of them, and making and hashing those strings was the largest
 * part of classifying one. A gram of the basic plane is the number c1·2³² + c2·2¹⁶ + c3 (0 for a
 * missing unit; letters and digits are never 0), kept in an open-addressing table. Grams with
 * characters outside the basic plane are not in it: texts with such characters take the string path.
 */
export interface CharGramTable {
  keys: Float64Array;
  indices: Int32Array;
  mask: number;
}

export const gramKey = (c1: number, c2: number, c3: number) => c1 * 4294967296 + c2 * 65536 + c3;

/** The three units of a gram of the basic plane given as text (0 for a missing one). */
const unitsOf = (gram: string) => [0, 1, 2].map((k) => gram.charCodeAt(k) || 0) as [number, number, number];

export const keyOfGram = (gram: string) => gramKey(...unitsOf(gram));

function slotOf(c1: number, c2: number, c3: number, mask: number): number {
  let h = Math.imul(c1, 0x9e3779b1) ^ Math.imul(c2 + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c3, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & mask;
}

function build(vocabulary: Vocabulary): CharGramTable {
  const grams: Array<[string, number]> = [];
  vocabulary.terms.forEach((term, i) => {
    if (term.startsWith('c:') && term.length <= 5 && !ASTRAL.test(term)) grams.push([term.slice(2), i]);
  });
  let size = 16;
  while (size < grams.length * 2) size *= 2;
  const table = { keys: new Float64Array(size), indices: new Int32Array(size), mask: size - 1 };
  for (const [gram, i] of grams) {
    const [c1, c2, c3] = unitsOf(gram);
    let slot = slotOf(c1, c2, c3, table.mask);
    while (table.keys[slot] !== 0) slot = (slot + 1) & table.mask;
    table.keys[slot] = gramKey(c1, c2, c3);
    table.indices[slot] = i;
  }
  return table;
}

const tables = new WeakMap<Vocabulary, CharGramTable>();

export function charGramTable(vocabulary: Vocabulary): CharGramTable {
  let table = tables.get(vocabulary);
  if (!table) {
    table = build(vocabulary);
    tables.set(vocabulary, table);
  }
  return table;
}

/**
 * Each 1–3-gram of a run of the basic plane by its units (0 for a missing one): the grams
 * `eachCharGram` (features.ts) yields as text for the same run.
 */
export function eachUnitGram(run: string, visit: (c1: number, c2: number, c3: number) => void): void {
  for (let k = 0; k < run.length; k++) {
    const c1 = run.charCodeAt(k);
    visit(c1, 0, 0);
    if (k + 1 === run.length) continue;
    const c2 = run.charCodeAt(k + 1);
    visit(c1, c2, 0);
    if (k + 2 < run.length) visit(c1, c2, run.charCodeAt(k + 2));
  }
}

/** The feature index of the gram c1 c2 c3 (0 for a missing unit), or -1. */
export function gramIndex(table: CharGramTable, c1: number, c2: number, c3: number): number {
  const key = gramKey(c1, c2, c3);
  const { keys, indices, mask } = table;
  for (let slot = slotOf(c1, c2, c3, mask); keys[slot] !== 0; slot = (slot + 1) & mask)
    if (keys[slot] === key) return indices[slot] as number;
  return -1;
}
