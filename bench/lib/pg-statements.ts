/**
 * Which statements PostgreSQL spent its time on during a measured run, planning and running apart:
 * `pg_stat_statements` with `track_planning`, loaded into the bench's throwaway server when
 * profiling (`BENCH_PROFILE=1`). A statement planned for longer than it runs, on every call, is one
 * to run by name (`runFixed`, ADR 0014).
 */
import pg from 'pg';

/** The server settings that load the statistics (the server must be started with them). */
export const STATEMENT_STATS_SETTINGS = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track_planning': 'on',
};

export interface StatementStat {
  calls: number;
  planMs: number;
  execMs: number;
  query: string;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Starts counting afresh: what `topStatements` reports after this is the measured run's. */
export const resetStatementStats = (url: string) =>
  withClient(url, async (client) => {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select pg_stat_statements_reset()');
  });

/** The statements of the database at `url` that took the most time, planning and running together. */
export const topStatements = (url: string, n = 15) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ calls: string; plan: number; exec: number; query: string }>(
      `select s.calls, s.total_plan_time as plan, s.total_exec_time as exec,
              left(regexp_replace(s.query, '\\s+', ' ', 'g'), 300) as query
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = current_database()
        order by s.total_plan_time + s.total_exec_time desc
        limit $1`,
      [n],
    );
    return rows.map(
      (r): StatementStat => ({
        calls: Number(r.calls),
        planMs: Math.round(r.plan),
        execMs: Math.round(r.exec),
        query: r.query,
      }),
    );
  });

export const formatStatements = (stats: StatementStat[]) =>
  stats.map(
    (s) =>
      `${String(s.calls).padStart(6)} calls  plan ${String(s.planMs).padStart(5)} ms  run ${String(s.execMs).padStart(5)} ms  ${s.query}`,
  );
