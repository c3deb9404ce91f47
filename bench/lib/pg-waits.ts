/**
 * What the PostgreSQL backends of a database are doing while under load: samples
 * pg_stat_activity every 20 ms and reports, per (state, wait event, statement), the average number of
 * backends found there. `active Lock:transactionid` on one statement means requests queue on a row
 * lock; `idle in transaction Client:ClientRead` means the lock holder waits for the application.
 */
import pg from 'pg';

export interface WaitSample {
  /** Average number of backends in this state per sample. */
  backends: number;
  state: string;
  wait: string;
  query: string;
}

export interface WaitSampler {
  stop(): Promise<{ samples: number; top: WaitSample[] }>;
}

export async function samplePgWaits(url: string, intervalMs = 20): Promise<WaitSampler> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, WaitSample>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const res = await client.query<{ state: string | null; wait: string; query: string }>(
        `SELECT state, coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, '-') AS wait,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS query
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [database],
      );
      samples++;
      for (const row of res.rows) {
        const state = row.state ?? '?';
        const query = state === 'active' ? row.query : '';
        const key = `${state}|${row.wait}|${query}`;
        const entry = counts.get(key) ?? { backends: 0, state, wait: row.wait, query };
        entry.backends++;
        counts.set(key, entry);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      await client.end().catch(() => undefined);
      const top = [...counts.values()]
        .map((e) => ({ ...e, backends: Math.round((100 * e.backends) / Math.max(samples, 1)) / 100 }))
        .sort((a, b) => b.backends - a.backends)
        .slice(0, 12);
      return { samples, top };
    },
  };
}

export function formatWaits(top: WaitSample[]): string[] {
  return top.map(
    (w) =>
      `${w.backends.toFixed(2).padStart(6)} backends  ${w.state}  ${w.wait}${w.query ? `  ${w.query}` : ''}`,
  );
}
