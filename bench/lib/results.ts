/**
 * The results file. Each benchmark module owns one top-level section (`registration`, later `sla`,
 * `export`, …); a run replaces the sections it ran and keeps the others. Inside a section, results
 * keyed by database under `databases` are merged per database, so `BENCH_DB=sqlite` keeps the last
 * PostgreSQL numbers (each database entry carries its own `date`).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(file: string): Json {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isObject(parsed) ? parsed : {};
  } catch {
    // A damaged file is replaced rather than blocking the run; keep a copy to look at.
    renameSync(file, `${file}.damaged`);
    return {};
  }
}

export function mergeSection(previous: unknown, next: Json): Json {
  if (!isObject(previous)) return next;
  const merged: Json = { ...previous, ...next };
  if (isObject(previous.databases) && isObject(next.databases)) {
    merged.databases = { ...previous.databases, ...next.databases };
  }
  return merged;
}

/** Writes `environment` at the top and merges `sections` into the file (atomically). */
export function writeResults(file: string, environment: Json, sections: Record<string, Json>): void {
  const existing = readJson(file);
  const out: Json = { ...existing, ...environment };
  for (const [name, section] of Object.entries(sections)) {
    out[name] = mergeSection(existing[name], { ...section, environment });
  }
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(out, null, 2)}\n`);
  renameSync(tmp, file);
}
