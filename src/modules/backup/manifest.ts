import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Db, Dialect, Tx } from '../../db/database.js';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE: Record<Dialect, string> = { sqlite: 'kesu.db', postgres: 'kesu.pgdump' };

/** The tables counted in a manifest: what a restore is checked against and what an operator recognises. */
export const COUNTED_TABLES = [
  'complaints',
  'events',
  'customers',
  'evidence',
  'users',
  'complaint_messages',
  'replies',
  'notifications',
] as const;

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const ManifestSchema = Type.Object({
  format: Type.Literal(1),
  kesuVersion: Type.String(),
  dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  /** The last migration applied to the database in the archive. */
  migration: Type.Union([Type.String(), Type.Null()]),
  /** When the database snapshot was taken (ISO 8601). */
  createdAt: Type.String(),
  /** HMAC of a constant under the secret key: tells whether a key is the right one, reveals nothing of it. */
  keyFingerprint: Type.String(),
  rows: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** The audit chains' heads: how many streams, and a sha256 over every head (type, id, seq, hash). */
  chainHeads: Type.Object({ streams: Type.Integer({ minimum: 0 }), digest: Sha256 }),
  /** Every file of the archive but this manifest, by its path in the archive. */
  files: Type.Record(Type.String(), Type.Object({ sha256: Sha256, size: Type.Integer({ minimum: 0 }) })),
  /** Evidence the database names but the store did not hold when the backup was made. */
  missingEvidence: Type.Array(Sha256),
});
export type Manifest = Static<typeof ManifestSchema>;

const checkManifest = Compile(ManifestSchema);

/** The manifest of an archive, or an error naming what is wrong with it. */
export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the archive manifest is not JSON');
  }
  if (!checkManifest.Check(value)) {
    const first = [...checkManifest.Errors(value)][0];
    throw new Error(
      `the archive manifest is not one Kesu wrote (${first?.instancePath || '/'}: ${first?.message})`,
    );
  }
  return value;
}

export interface DatabaseSummary {
  migration: string | null;
  rows: Record<string, number>;
  chainHeads: Manifest['chainHeads'];
  /** The content hashes of every file the database names in the content store: evidence and report files. */
  evidence: string[];
}

/** What a manifest says about a database, read from one consistent view of it (a snapshot or a transaction). */
export async function summariseDatabase(db: Db | Tx): Promise<DatabaseSummary> {
  const rows: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows[table] = Number(n);
  }
  const digest = createHash('sha256');
  const heads = await db
    .selectFrom('event_heads')
    .selectAll()
    .orderBy('stream_type')
    .orderBy('stream_id')
    .execute();
  for (const h of heads) digest.update(`${h.stream_type}\t${h.stream_id}\t${h.seq}\t${h.hash}\n`);
  // Migration names are dated: the greatest is the latest.
  const { rows: applied } = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  const evidence = await db.selectFrom('evidence').select('sha256').distinct().execute();
  const reports = await db.selectFrom('reports').select(['pdf_sha256', 'xlsx_sha256']).execute();
  const stored = new Set([
    ...evidence.map((e) => e.sha256),
    ...reports.flatMap((r) => [r.pdf_sha256, r.xlsx_sha256]).filter((h): h is string => h !== null),
  ]);
  return {
    migration: applied[0]?.name ?? null,
    rows,
    chainHeads: { streams: heads.length, digest: digest.digest('hex') },
    evidence: [...stored].sort(),
  };
}
