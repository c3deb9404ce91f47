import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';

/**
 * What a refused request must not change: the rows of every table a request can write, the history
 * (events), the outbox (jobs, notifications), and the revocations and reads that change rows in place.
 */
const COUNTED = [
  'complaints',
  'events',
  'customers',
  'customer_contacts',
  'jobs',
  'notifications',
  'inbox_items',
  'users',
  'user_roles',
  'units',
  'api_tokens',
  'sessions',
  'categories',
  'settings',
  'complaint_watchers',
  'complaint_cases',
  'complaint_links',
  'evidence',
  'complaint_messages',
  'satisfaction_surveys',
  'tracking_codes',
  'sla_policies',
  'dispatch_rules',
  'classification_rules',
  'notification_templates',
  'remedy_proposals',
  'replies',
  'contact_attempts',
  'playbooks',
  'category_guidance',
  'complaint_checklist_steps',
  'return_visits',
] as const;

/** The database as a refused request must leave it, in one query: row counts, revoked tokens, read notices, ticked steps. */
export async function databaseState(db: Db): Promise<Record<string, number>> {
  const counts = COUNTED.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
  const { rows } = await sql<Record<string, number | string>>`select ${sql.join(counts)},
    (select count(revoked_at) from api_tokens) as revoked_tokens,
    (select count(read_at) from inbox_items) as read_notices,
    (select count(done_at) from complaint_checklist_steps) as ticked_steps`.execute(db);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}
