/** What run.ts hands to every benchmark module, and what a module hands back. */

export type DbKind = 'sqlite' | 'postgres';

export interface BenchOptions {
  /** Measured seconds per load run (BENCH_DURATION, default 10; below 10 is a trial run). */
  durationSeconds: number;
  /** Warm-up seconds before each measured run, not counted (BENCH_WARMUP, default 3). */
  warmupSeconds: number;
  /** Concurrent HTTP connections (BENCH_CONNECTIONS, default 50). */
  connections: number;
  /** Databases to run on (BENCH_DB: sqlite, postgres, or both when unset). */
  databases: DbKind[];
  /** BENCH_PROFILE=1: run the Kesu child under `node --cpu-prof` and summarise the profile. */
  profile: boolean;
  /** A trial run (short duration or profiling) is not written to latest.json. */
  trial: boolean;
}

export interface BenchContext {
  options: BenchOptions;
  /** The repository root (cwd of the children). */
  root: string;
  /** Where profiles and other artefacts of this run go. */
  resultsDir: string;
  /** A new, empty database on the one throwaway PostgreSQL of this bench run (started on first use). */
  postgresDatabase(name: string): Promise<string>;
  /** Progress output (stderr-free, prefixed). */
  log(message: string): void;
}

export interface ModuleOutcome {
  /** Merged into the module's section of the results file (see results.ts). */
  section: Record<string, unknown>;
  /** Printed at the very end of the run, in module order. */
  summary: string[];
  /** False when a measurement is invalid (errors under load) or failed; the run exits non-zero. */
  ok: boolean;
}

export interface BenchModule {
  /** Key of the module's section in results/latest.json, e.g. `registration`. */
  name: string;
  run(ctx: BenchContext): Promise<ModuleOutcome>;
}
