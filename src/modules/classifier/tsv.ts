import type { Sample } from './model.js';

export class TsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const PRIORITIES = new Set(['P1', 'P2', 'P3', 'P4']);
const GRADES = new Set(['general', 'major']);

/**
 * A labelled file: a header row naming `text` and `label` (optionally `priority`, `grade`), then one
 * row per sample. Empty lines are skipped; a row without text or label is an error naming its line.
 */
export function parseTsv(content: string): Sample[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [text, label, priority, grade] = [col('text'), col('label'), col('priority'), col('grade')];
  if (text < 0 || label < 0) throw new TsvError(1, 'the header must name the columns text and label');
  const samples: Sample[] = [];
  lines.slice(1).forEach((line, i) => {
    const at = i + 2;
    if (line.trim() === '') return;
    const cells = line.split('\t');
    const sample: Sample = { text: cells[text]?.trim() ?? '', label: cells[label]?.trim() ?? '' };
    if (!sample.text) throw new TsvError(at, 'no text');
    if (!sample.label) throw new TsvError(at, 'no label');
    const p = priority >= 0 ? cells[priority]?.trim() : '';
    if (p) {
      if (!PRIORITIES.has(p)) throw new TsvError(at, `priority must be P1..P4, not ${p}`);
      sample.priority = p;
    }
    const g = grade >= 0 ? cells[grade]?.trim() : '';
    if (g) {
      if (!GRADES.has(g)) throw new TsvError(at, `grade must be general or major, not ${g}`);
      sample.grade = g;
    }
    samples.push(sample);
  });
  if (samples.length === 0) throw new TsvError(2, 'no rows');
  return samples;
}
