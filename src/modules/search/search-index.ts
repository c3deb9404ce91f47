import { CompiledQuery, type Kysely } from 'kysely';
import { rowInsert } from '../../db/batches.js';
import { isPostgres, type Tx } from '../../db/database.js';
import { nameStatement } from '../../db/named-statements.js';
import type { Database } from '../../db/schema.js';
import type { WriteBatch } from '../../db/write-batch.js';
import { categoryById } from '../categories/index.js';
import { complaintTerms, foldWidth } from './terms.js';

type Writer = Kysely<Database> | Tx;

/** The complaint's columns in its search document (with its replies and messages). */
const TEXT_COLUMNS = ['title', 'content', 'waybill_no', 'order_no'] as const;
/** The complaint's columns its search row is made of: a change to one rewrites the row. */
export const SEARCHED_COLUMNS = [...TEXT_COLUMNS, 'category_id'] as const;

/** A complaint's search row: its text, what it is filed under, when it changed. */
interface SearchDocument {
  body: string;
  categoryId: number;
  updatedAt: number;
}

/** The text a complaint is found by: title, content, its numbers, replies and messages. Never its sealed contacts. */
async function documentOf(db: Writer, complaintId: number): Promise<SearchDocument | null> {
  const [c, replies, messages] = await Promise.all([
    db
      .selectFrom('complaints')
      .select([...SEARCHED_COLUMNS, 'updated_at'])
      .where('id', '=', complaintId)
      .executeTakeFirst(),
    db
      .selectFrom('replies')
      .select(['summary', 'actions', 'result', 'basis', 'follow_up'])
      .where('complaint_id', '=', complaintId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('complaint_messages')
      .select('body')
      .where('complaint_id', '=', complaintId)
      .orderBy('id')
      .execute(),
  ]);
  if (!c) return null;
  return { body: documentBody(c, replies, messages), categoryId: c.category_id, updatedAt: c.updated_at };
}

type Searched = { [K in (typeof TEXT_COLUMNS)[number]]: string | null };

function documentBody(
  c: Searched,
  replies: Array<Record<'summary' | 'actions' | 'result' | 'basis' | 'follow_up', string | null>>,
  messages: Array<{ body: string }>,
): string {
  const parts = [
    c.title,
    c.content,
    c.waybill_no,
    c.order_no,
    ...replies.flatMap((r) => [r.summary, r.actions, r.result, r.basis, r.follow_up]),
    ...messages.map((m) => m.body),
  ];
  return foldWidth(parts.filter((p) => p?.trim()).join('\n'));
}

/** Store a search document and its terms (replacing the complaint's previous ones). */
export async function writeSearchRow(db: Writer, complaintId: number, doc: SearchDocument): Promise<void> {
  for (const write of await searchRowWrites(db, complaintId, doc, false)) await db.executeQuery(write);
}

const PG_SEARCH_ROW = `insert into complaint_search (complaint_id, body, updated_at, terms)
  values ($1, $2, $3, array_to_tsvector($4::text[]))
  on conflict (complaint_id) do update set body = excluded.body, updated_at = excluded.updated_at, terms = excluded.terms`;
nameStatement(PG_SEARCH_ROW);

/** The statements that store a search row; `fresh`: the complaint has none yet (it is being registered). */
async function searchRowWrites(
  db: Writer,
  complaintId: number,
  { body, categoryId, updatedAt }: SearchDocument,
  fresh: boolean,
): Promise<CompiledQuery[]> {
  const terms = complaintTerms(body, (await categoryById(db, categoryId))?.path);
  if (isPostgres(db)) return [CompiledQuery.raw(PG_SEARCH_ROW, [complaintId, body, updatedAt, terms])];
  return [
    rowInsert(
      db,
      'complaint_search',
      { complaint_id: complaintId, body, updated_at: updatedAt },
      'on conflict ("complaint_id") do update set "body" = excluded."body", "updated_at" = excluded."updated_at"',
    ),
    ...(fresh ? [] : [CompiledQuery.raw('delete from complaint_search_fts where rowid = ?', [complaintId])]),
    CompiledQuery.raw('insert into complaint_search_fts (rowid, terms) values (?, ?)', [
      complaintId,
      terms.join(' '),
    ]),
  ];
}

/**
 * Recompute a complaint's search document from its rows as the caller's transaction sees them, so
 * the index changes (or rolls back) with the change itself.
 */
export async function indexComplaint(db: Writer, complaintId: number): Promise<void> {
  const doc = await documentOf(db, complaintId);
  if (doc) await writeSearchRow(db, complaintId, doc);
}

/** A complaint being registered, from the row registration writes (no replies or messages yet). */
export async function indexNewComplaint(
  batch: WriteBatch,
  complaintId: number,
  c: Searched & { category_id: number; updated_at: number },
): Promise<void> {
  const doc = { body: documentBody(c, [], []), categoryId: c.category_id, updatedAt: c.updated_at };
  batch.add(...(await searchRowWrites(batch.tx, complaintId, doc, true)));
}
