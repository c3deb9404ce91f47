/**
 * The ceiling: the least a registration endpoint can do on this machine and database.
 *
 * A bare Fastify app (no auth, no schema, no logging) whose `POST /complaints` parses the JSON body
 * and inserts one row (`id`, `payload` = the body as text, `created_at` epoch ms) into
 * `bench_ceiling`, in the same SQLite file as Kesu with Kesu's pragmas, or in the same PostgreSQL
 * database through a pg.Pool of 20 (Kesu's pool size). run.ts starts it as a child process:
 *
 *   CEILING_DATABASE_URL=sqlite:/tmp/x/kesu.db PORT=3001 node --import tsx bench/ceiling-server.ts
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

type Insert = (payload: string, createdAt: number) => Promise<number>;

async function openStore(url: string): Promise<{ insert: Insert; close(): Promise<void> }> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(
      'CREATE TABLE IF NOT EXISTS bench_ceiling (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, created_at BIGINT NOT NULL)',
    );
    const stmt = db.prepare('INSERT INTO bench_ceiling (payload, created_at) VALUES (?, ?) RETURNING id');
    return {
      insert: async (payload, createdAt) => (stmt.get(payload, createdAt) as { id: number }).id,
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_ceiling (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload TEXT NOT NULL, created_at BIGINT NOT NULL)',
  );
  return {
    insert: async (payload, createdAt) => {
      const res = await pool.query<{ id: string }>(
        'INSERT INTO bench_ceiling (payload, created_at) VALUES ($1, $2) RETURNING id',
        [payload, createdAt],
      );
      return Number(res.rows[0]?.id);
    },
    close: () => pool.end(),
  };
}

const url = process.env.CEILING_DATABASE_URL;
if (!url) throw new Error('CEILING_DATABASE_URL is required (sqlite:<file> or postgres://…)');
const store = await openStore(url);

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get('/health', async () => ({ status: 'ok' }));
app.post('/complaints', async (req, reply) => {
  const id = await store.insert(JSON.stringify(req.body), Date.now());
  return reply.code(201).send({ id });
});

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3001) });

const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
