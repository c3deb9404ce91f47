import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenPreset, presets } from '../../src/modules/categories/index.js';
import { loadModel, trainModel } from '../../src/modules/classifier/model.js';
import {
  STARTER_OPTIONS,
  type StarterName,
  starterCorpus,
  starterModel,
  tidyCorpus,
} from '../../src/modules/classifier/starter-models.js';
import { parseTsv } from '../../src/modules/classifier/tsv.js';
import { accuracyOn } from './level-one.js';

/**
 * The real-text development sets (test/classifier/devset/README.md): shop reviews from JD21, labelled
 * by us at level 1. They measure the starter models and must never be trained on.
 */
const DEVSETS: Array<[StarterName, string]> = [
  ['express', 'express-jd21.tsv'],
  ['retail', 'retail-jd21.tsv'],
];

const devset = (file: string) => {
  const content = readFileSync(new URL(`./devset/${file}`, import.meta.url), 'utf8');
  const [header = '', ...lines] = content.split('\n').filter(Boolean);
  const source = header.split('\t').indexOf('source');
  return { rows: parseTsv(content), sources: lines.map((l) => l.split('\t')[source]) };
};

describe.each(DEVSETS)('the %s development set (%s)', (name, file) => {
  const { rows, sources } = devset(file);

  it('holds at least 300 distinct real texts, each with its source, labelled with a level-1 class of the tree', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    for (const s of sources) expect(s).toMatch(/^jd21:(train|dev|test):[^:]+:\d+:(POS|NEG)$/);
    const tree = presets[name];
    if (!tree) throw new Error(`no preset ${name}`);
    const levelOnes = new Set(
      flattenPreset(tree)
        .filter((c) => c.level === 1)
        .map((c) => c.code),
    );
    for (const r of rows) expect(levelOnes.has(r.label), r.label).toBe(true);
  });

  it('is not in what the starter model learns from', () => {
    const dev = new Set(rows.map((r) => r.text));
    expect(starterCorpus(name).filter((s) => dev.has(s.text))).toEqual([]);
  });

  it('is classified better by the starter model than by one trained on the tidy corpus alone', () => {
    const starter = accuracyOn(rows, starterModel(name));
    const tidy = accuracyOn(rows, loadModel(trainModel(tidyCorpus(name), STARTER_OPTIONS)));
    console.log(
      `${name} starter on ${rows.length} real texts (${file}): ${starter.toFixed(4)}, tidy corpus alone ${tidy.toFixed(4)}`,
    );
    expect(starter).toBeGreaterThan(tidy);
  });
});
