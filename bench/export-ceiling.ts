/**
 * The export benchmark's ceiling, in its own process: the same rows read the same way as
 * `kesu export` reads them (the same joins and columns, newest first, keyset batches of 2,000) with
 * bare better-sqlite3 — no Kysely, no opening of sealed phones, no xlsx. Prints one JSON line:
 * { rows, seconds, peakRssMb }. See bench/README.md "Export".
 *
 *   EXPORT_DATABASE_FILE=… npx tsx bench/export-ceiling.ts
 */
import Database from 'better-sqlite3';

const BATCH = 2000;

const file = process.env.EXPORT_DATABASE_FILE;
if (!file) throw new Error('EXPORT_DATABASE_FILE is not set');
const db = new Database(file, { readonly: true, fileMustExist: true });

const select = `select c.id, c.number, c.status, c.channel, c.received_at, c.updated_at, c.title, c.priority,
    c.grade, c.complainant_name, c.complainant_phone, c.waybill_no, c.order_no, c.due_at, c.reopen_count,
    c.repeat_complaint, cat.name_zh as category_zh, cat.name_en as category_en, u.name as unit_name,
    u.name_en as unit_name_en, a.display_name as assignee_name
  from complaints c
  left join categories cat on cat.id = c.category_id
  left join units u on u.id = c.unit_id
  left join users a on a.id = c.assignee_id`;
const first = db.prepare(`${select} order by c.received_at desc, c.id desc limit ${BATCH}`);
const next = db.prepare(
  `${select} where (c.received_at, c.id) < (?, ?) order by c.received_at desc, c.id desc limit ${BATCH}`,
);

type Row = { id: number; received_at: number; number: string };
const started = performance.now();
let rows = 0;
let bytes = 0;
let batch = first.all() as Row[];
while (batch.length) {
  rows += batch.length;
  // Touch each row as the export does (it reads every column once).
  for (const r of batch) bytes += r.number.length;
  const last = batch.at(-1);
  if (batch.length < BATCH || !last) break;
  batch = next.all(last.received_at, last.id) as Row[];
}
const seconds = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ rows, seconds, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
