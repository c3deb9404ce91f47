/**
 * Counts and times the SQL statements Kesu runs in-process, by instrumenting the database drivers:
 * better-sqlite3's `prepare` and the statements' `all`/`get`/`run` (execution time), or pg's
 * `Client#query` (time to the answer, round trip included). Install before the database is opened
 * (Kesu caches prepared SQLite statements); nothing is recorded while `recording` is false, so the
 * wrappers cost one flag check outside the window of interest.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DbKind } from './context.js';

export interface StatementStat {
  calls: number;
  prepareMs: number;
  execMs: number;
}

export interface StatementRow {
  /** Calls per unit (registration, breach, …). */
  perUnit: number;
  /** Milliseconds per call: prepare (SQLite, first use) + execute or round trip. */
  msPerCall: number;
  sql: string;
}

export interface SqlSummary {
  units: number;
  statements: number;
  statementsPerUnit: number;
  /** Milliseconds per unit spent in the driver: executing (SQLite) or waiting for PostgreSQL. */
  dbMsPerUnit: number;
  top: StatementRow[];
}

export class SqlStats {
  recording = false;
  readonly byText = new Map<string, StatementStat>();

  record(sql: string, prepareMs: number, execMs: number): void {
    if (!this.recording) return;
    const key = sql.replace(/\s+/g, ' ').trim();
    const s = this.byText.get(key) ?? { calls: 0, prepareMs: 0, execMs: 0 };
    s.calls++;
    s.prepareMs += prepareMs;
    s.execMs += execMs;
    this.byText.set(key, s);
  }

  reset(): void {
    this.byText.clear();
  }

  summary(units: number, top = 40): SqlSummary {
    const rows = [...this.byText.entries()].sort(
      (a, b) => b[1].calls - a[1].calls || b[1].execMs - a[1].execMs,
    );
    const n = Math.max(units, 1);
    const total = rows.reduce((t, [, s]) => t + s.calls, 0);
    const ms = rows.reduce((t, [, s]) => t + s.prepareMs + s.execMs, 0);
    const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      units,
      statements: total,
      statementsPerUnit: round(total / n, 2),
      dbMsPerUnit: round(ms / n, 4),
      top: rows.slice(0, top).map(([sql, s]) => ({
        perUnit: round(s.calls / n, 2),
        msPerCall: round((s.prepareMs + s.execMs) / s.calls, 4),
        // Multi-row statements run to many kilobytes; the start says which one it is.
        sql: sql.length > 240 ? `${sql.slice(0, 240)}…` : sql,
      })),
    };
  }
}

export function formatSqlSummary(s: SqlSummary, unit: string, width = 150): string[] {
  const lines = [`per ${unit}  ms/call  statement`];
  for (const r of s.top)
    lines.push(
      `${r.perUnit.toFixed(2).padStart(8)}  ${r.msPerCall.toFixed(4).padStart(8)}  ${r.sql.slice(0, width)}`,
    );
  return lines;
}

function instrumentSqlite(stats: SqlStats): void {
  const proto = Database.prototype as unknown as { prepare(sql: string): Record<string, unknown> };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const t0 = performance.now();
    const stmt = prepare.call(this, sql);
    // Counted once, with the first recorded call, if the prepare happened while recording.
    let prepareMs = stats.recording ? performance.now() - t0 : 0;
    for (const method of ['all', 'get', 'run'] as const) {
      const original = stmt[method] as (...args: unknown[]) => unknown;
      stmt[method] = (...args: unknown[]) => {
        if (!stats.recording) return original.apply(stmt, args);
        const t1 = performance.now();
        try {
          return original.apply(stmt, args);
        } finally {
          stats.record(sql, prepareMs, performance.now() - t1);
          prepareMs = 0;
        }
      };
    }
    return stmt;
  };
}

function instrumentPg(stats: SqlStats): void {
  const proto = pg.Client.prototype as unknown as { query(...args: unknown[]): unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (!stats.recording) return query.apply(this, args);
    const first = args[0];
    const sql = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '?');
    const t0 = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) return result.finally(() => stats.record(sql, 0, performance.now() - t0));
    return result;
  };
}

/** Instruments the driver of `kind` (once per process) and returns the stats it records into. */
export function instrumentDriver(kind: DbKind): SqlStats {
  const stats = new SqlStats();
  if (kind === 'sqlite') instrumentSqlite(stats);
  else instrumentPg(stats);
  return stats;
}
