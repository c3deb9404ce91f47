import type { Expression } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Db, isPostgres } from '../../db/database.js';
import { runFixed } from '../../db/prepared.js';

/** A link as the complaint page lists it: its kind, which end this complaint is, the other's number. */
const LINK_COLUMNS = [
  'complaint_links.kind',
  'complaint_links.complaint_id',
  'other.number',
  'complaint_links.created_at',
] as const;

/** The reads of the rows a complaint owns that its page lists, for a complaint id or a reference to one. */
const ownRows = (db: Db, id: number | Expression<number>) => ({
  remedies: db.selectFrom('remedy_proposals').selectAll().where('complaint_id', '=', id).orderBy('id'),
  replies: db.selectFrom('replies').selectAll().where('complaint_id', '=', id).orderBy('id'),
  // Links from this complaint, then links to it from others, each half through its own index. One join
  // on "either end is this complaint" (an OR inside the join) ran as fast, but PostgreSQL took 5–6 ms
  // to plan it on every call at 200k complaints; the halves plan in 0.5 ms.
  links: db
    .selectFrom('complaint_links')
    .innerJoin('complaints as other', 'other.id', 'complaint_links.target_id')
    .where('complaint_links.complaint_id', '=', id)
    .select(LINK_COLUMNS)
    .unionAll(
      db
        .selectFrom('complaint_links')
        .innerJoin('complaints as other', 'other.id', 'complaint_links.complaint_id')
        .where('complaint_links.target_id', '=', id)
        .where('complaint_links.complaint_id', '!=', id)
        .select(LINK_COLUMNS),
    ),
  watchers: db.selectFrom('complaint_watchers').select('user_id').where('complaint_id', '=', id),
  deadlines: db.selectFrom('complaint_deadlines').selectAll().where('complaint_id', '=', id),
  evidence: db.selectFrom('evidence').selectAll().where('complaint_id', '=', id).orderBy('id'),
  messages: db.selectFrom('complaint_messages').selectAll().where('complaint_id', '=', id).orderBy('id'),
  surveys: db
    .selectFrom('satisfaction_surveys')
    .selectAll()
    .where('complaint_id', '=', id)
    .orderBy('submitted_at')
    .orderBy('id'),
});

/** The rows a complaint owns that its page lists, read one table at a time. */
export async function ownRowsOf(db: Db, id: number) {
  const q = ownRows(db, id);
  const [remedies, replies, links, watchers, deadlines, evidence, messages, surveys] = await Promise.all([
    runFixed(db, q.remedies),
    runFixed(db, q.replies),
    runFixed(db, q.links),
    runFixed(db, q.watchers),
    runFixed(db, q.deadlines),
    runFixed(db, q.evidence),
    runFixed(db, q.messages),
    runFixed(db, q.surveys),
  ]);
  return { remedies, replies, links, watchers, deadlines, evidence, messages, surveys };
}

/**
 * The complaint by number and, on PostgreSQL, the rows it owns in the same statement (each table's
 * rows as one JSON array): the complaint page and the answer to every action read them, and under
 * load nine round trips cost far more than the rows. SQLite has no round trips to save (`rows` is
 * then undefined: read them with `ownRowsOf` once the complaint may be shown).
 */
export async function complaintAndRows(db: Db, number: string) {
  if (!isPostgres(db)) {
    const [c] = await runFixed(db, db.selectFrom('complaints').selectAll().where('number', '=', number));
    return { c, rows: undefined };
  }
  const [row] = await runFixed(
    db,
    db
      .selectFrom('complaints')
      .selectAll('complaints')
      .select((eb) => {
        const q = ownRows(db, eb.ref('complaints.id'));
        return [
          jsonArrayFrom(q.remedies).as('own_remedies'),
          jsonArrayFrom(q.replies).as('own_replies'),
          jsonArrayFrom(q.links).as('own_links'),
          jsonArrayFrom(q.watchers).as('own_watchers'),
          jsonArrayFrom(q.deadlines).as('own_deadlines'),
          jsonArrayFrom(q.evidence).as('own_evidence'),
          jsonArrayFrom(q.messages).as('own_messages'),
          jsonArrayFrom(q.surveys).as('own_surveys'),
        ];
      })
      .where('number', '=', number),
  );
  if (!row) return { c: undefined, rows: undefined };
  const {
    own_remedies: remedies,
    own_replies: replies,
    own_links: links,
    own_watchers: watchers,
    own_deadlines: deadlines,
    own_evidence: evidence,
    own_messages: messages,
    own_surveys: surveys,
    ...c
  } = row;
  return { c, rows: { remedies, replies, links, watchers, deadlines, evidence, messages, surveys } };
}
