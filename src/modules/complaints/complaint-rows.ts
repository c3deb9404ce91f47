import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { type Db, isPostgres } from '../../db/database.js';
import { runFixed } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { caseOf } from '../cases/index.js';
import { classificationOf } from '../classifier/index.js';
import { complaintCountOf, customerSummaryOf } from '../customers/index.js';

/** How many of the customer's other complaints the complaint page lists. */
const OTHER_COMPLAINTS = 10;

/** The complaints the reader may see (the customer's other complaints are only those); undefined: all. */
export type Visible = ((eb: ExpressionBuilder<Database, 'complaints'>) => Expression<SqlBool>) | undefined;

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

/**
 * What the page shows beside the complaint's own rows: its case, the classifier's prediction, and the
 * customer behind it with how many complaints they filed and their latest others the reader may see.
 */
const related = (
  db: Db,
  id: number | Expression<number>,
  customerId: number | Expression<number | null>,
  visible: Visible,
) => {
  let others = db
    .selectFrom('complaints')
    .select(['number', 'title', 'status', 'received_at'])
    .where('customer_id', '=', customerId)
    .where('id', '!=', id);
  if (visible) others = others.where(visible);
  return {
    case: caseOf(db, id),
    classification: classificationOf(db, id),
    customer: customerSummaryOf(db, customerId),
    customerComplaints: complaintCountOf(db, customerId),
    otherComplaints: others.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(OTHER_COMPLAINTS),
  };
};

/** The rows a complaint owns and what its page shows beside them, read one table at a time. */
export async function ownRowsOf(db: Db, c: { id: number; customer_id: number | null }, visible: Visible) {
  const q = ownRows(db, c.id);
  const r = related(db, c.id, c.customer_id ?? 0, visible);
  const withCustomer = c.customer_id !== null;
  const [remedies, replies, links, watchers, deadlines, evidence, messages, surveys, case_, classification] =
    await Promise.all([
      runFixed(db, q.remedies),
      runFixed(db, q.replies),
      runFixed(db, q.links),
      runFixed(db, q.watchers),
      runFixed(db, q.deadlines),
      runFixed(db, q.evidence),
      runFixed(db, q.messages),
      runFixed(db, q.surveys),
      runFixed(db, r.case),
      runFixed(db, r.classification),
    ]);
  const [customer, count, otherComplaints] = withCustomer
    ? await Promise.all([
        runFixed(db, r.customer),
        runFixed(db, r.customerComplaints),
        runFixed(db, r.otherComplaints),
      ])
    : [[], [], []];
  return {
    remedies,
    replies,
    links,
    watchers,
    deadlines,
    evidence,
    messages,
    surveys,
    case: case_[0] ?? null,
    classification: classification[0] ?? null,
    customer: customer[0] ?? null,
    customerComplaints: Number(count[0]?.n ?? 0),
    otherComplaints,
  };
}

/**
 * The complaint by number and, on PostgreSQL, the rows it owns and what its page shows beside them in
 * the same statement (each table's rows as one JSON array, a case, prediction or customer as one JSON
 * object): the complaint page and the answer to every action read them, and under load fourteen round
 * trips cost far more than the rows. SQLite has no round trips to save (`rows` is then undefined: read
 * them with `ownRowsOf` once the complaint may be shown).
 */
export async function complaintAndRows(db: Db, number: string, visible: Visible) {
  if (!isPostgres(db)) {
    const [c] = await runFixed(db, db.selectFrom('complaints').selectAll().where('number', '=', number));
    return { c, rows: undefined };
  }
  const [row] = await runFixed(
    db,
    db
      // Aliased: the customer's other complaints are read from `complaints` inside it, with the
      // reader's visibility written for that table.
      .selectFrom('complaints as page')
      .selectAll('page')
      .select((eb) => {
        const q = ownRows(db, eb.ref('page.id'));
        const r = related(db, eb.ref('page.id'), eb.ref('page.customer_id'), visible);
        return [
          jsonArrayFrom(q.remedies).as('own_remedies'),
          jsonArrayFrom(q.replies).as('own_replies'),
          jsonArrayFrom(q.links).as('own_links'),
          jsonArrayFrom(q.watchers).as('own_watchers'),
          jsonArrayFrom(q.deadlines).as('own_deadlines'),
          jsonArrayFrom(q.evidence).as('own_evidence'),
          jsonArrayFrom(q.messages).as('own_messages'),
          jsonArrayFrom(q.surveys).as('own_surveys'),
          jsonObjectFrom(r.case).as('own_case'),
          jsonObjectFrom(r.classification).as('own_classification'),
          jsonObjectFrom(r.customer).as('own_customer'),
          jsonObjectFrom(r.customerComplaints).as('own_customer_complaints'),
          jsonArrayFrom(r.otherComplaints).as('own_other_complaints'),
        ];
      })
      .where('page.number', '=', number),
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
    own_case: case_,
    own_classification: classification,
    own_customer: customer,
    own_customer_complaints: count,
    own_other_complaints: otherComplaints,
    ...c
  } = row;
  return {
    c,
    rows: {
      remedies,
      replies,
      links,
      watchers,
      deadlines,
      evidence,
      messages,
      surveys,
      case: case_,
      classification,
      customer,
      customerComplaints: Number(count?.n ?? 0),
      otherComplaints,
    },
  };
}
