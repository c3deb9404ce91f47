/**
 * The export benchmark's data: N complaints of one year in a SQLite file, written in bulk through
 * one prepared INSERT (better-sqlite3, 10,000 rows per transaction) with every index in place — a
 * million in well under a minute. Rows are what registration and the later steps leave: a mix of
 * statuses, channels, priorities and categories, handled in the customer service centre or in the
 * two stations, phones sealed (AES-256-GCM, from a pool of 10,000 sealed numbers: sealing is not
 * what is measured, opening is) with their blind index. No history, deadlines or customers: the
 * export does not read them. See bench/README.md "Export".
 */
import Database from 'better-sqlite3';
import type { NewComplaint } from '../../src/db/schema.js';
import { dateKey } from '../../src/lib/time.js';
import { blindIndex, piiKeys, seal } from '../../src/modules/privacy/index.js';

const DAY = 86_400_000;
const PER_TRANSACTION = 10_000;
const PHONE_POOL = 10_000;

const TEXTS: Array<[string, string]> = [
  ['包裹三天未更新物流', '我的快递从上海发出后三天没有任何物流更新，请尽快处理。'],
  ['快递员未经同意放驿站', '快递员没有打电话就把包裹放到了驿站，我上班无法去取，要求送货上门。'],
  ['外包装破损，内件损坏', '收到的包裹外包装破损严重，里面的陶瓷茶具碎了两个，要求赔偿。'],
  ['派件员态度恶劣', '派件员送件时态度恶劣，言语不文明，要求道歉。'],
  ['运费与下单时不一致', '寄件时收了 23 元，App 显示 18 元，想知道差额原因。'],
  ['显示已签收但未收到', '物流显示包裹已签收，但我本人并没有收到，也没有人通知我。'],
];
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生'];
const CHANNELS = ['phone', 'phone', 'phone', 'app', 'wechat', 'web', 'email', 'regulator'];
const PRIORITIES = ['P3', 'P3', 'P3', 'P2', 'P4', 'P1'];
/** Mostly finished (a year of complaints), some still open. */
const STATUSES = [
  'closed',
  'closed',
  'closed',
  'closed',
  'resolved',
  'replied',
  'investigating',
  'assigned',
  'received',
];
const OPEN = new Set(['replied', 'investigating', 'assigned', 'received']);

export interface ExportDatasetSpec {
  rows: number;
  /** The newest complaint is received just before this instant; the oldest a year earlier. */
  now: number;
  secret: Buffer;
  timeZone: string;
}

export interface ExportDatasetOrg {
  agentId: number;
  service: { id: number; path: string };
  /** Units with the handler who works there. */
  stations: Array<{ id: number; path: string; handlerId: number }>;
  /** Leaf categories. */
  categoryIds: number[];
}

/** Writes `spec.rows` complaints into the (migrated, seeded) SQLite file; returns seconds taken. */
export function writeExportDataset(file: string, org: ExportDatasetOrg, spec: ExportDatasetSpec): number {
  const started = performance.now();
  const keys = piiKeys(spec.secret);
  const phones = Array.from({ length: PHONE_POOL }, (_, i) => {
    const phone = `139${String(10_000_000 + i * 7919).slice(-8)}`;
    return { sealed: seal(keys, phone), index: blindIndex(keys, 'phone', phone) };
  });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const perDay = new Map<string, number>();
  const span = 365 * DAY;

  const row = (i: number): NewComplaint => {
    const receivedAt = spec.now - span + Math.floor(((i + 0.5) * span) / spec.rows);
    const registeredAt = receivedAt + 5 * 60_000;
    const day = dateKey(registeredAt, spec.timeZone);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const status = STATUSES[i % STATUSES.length] ?? 'closed';
    const station = org.stations[i % org.stations.length];
    const handled = status !== 'received' && station !== undefined;
    const unit = handled ? station : org.service;
    const [title, content] = TEXTS[i % TEXTS.length] ?? ['', ''];
    const phone = phones[i % PHONE_POOL];
    const open = OPEN.has(status);
    return {
      number: `KS${day}-${String(seq).padStart(6, '0')}`,
      status,
      channel: CHANNELS[i % CHANNELS.length] ?? 'phone',
      received_at: receivedAt,
      registered_at: registeredAt,
      registered_by: org.agentId,
      intake_unit_id: org.service.id,
      intake_unit_path: org.service.path,
      complainant_name: NAMES[i % NAMES.length] ?? '王女士',
      complainant_phone: phone?.sealed ?? null,
      complainant_email: null,
      complainant_phone_index: phone?.index ?? null,
      preferred_contact: 'phone',
      identity_verified: 0,
      title,
      content,
      demands: '["explanation"]',
      demand_amount: null,
      demand_text: null,
      order_no: i % 3 === 0 ? `DD${String(i).padStart(10, '0')}` : null,
      waybill_no: `SF${String(1_000_000_000 + i)}`,
      store: null,
      product: null,
      batch_no: null,
      region: null,
      staff_complained: null,
      category_id: org.categoryIds[i % org.categoryIds.length] ?? 1,
      category_confirmed: 0,
      priority: PRIORITIES[i % PRIORITIES.length] ?? 'P3',
      grade: i % 97 === 0 ? 'major' : 'general',
      major_reasons: i % 97 === 0 ? '["property_loss"]' : '[]',
      tags: '[]',
      unit_id: unit.id,
      unit_path: unit.path,
      assignee_id: handled && station ? station.handlerId : null,
      escalation_level: 0,
      reopen_count: i % 50 === 0 ? 1 : 0,
      resolved_at: open ? null : registeredAt + 2 * DAY,
      closed_at: status === 'closed' ? registeredAt + 3 * DAY : null,
      updated_at: open ? registeredAt : registeredAt + 3 * DAY,
      due_at: open ? registeredAt + 3 * DAY : null,
      repeat_complaint: i % 20 === 0 ? 1 : 0,
    };
  };

  const columns = Object.keys(row(0));
  perDay.clear();
  const insert = db.prepare(
    `insert into complaints (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(row(i));
  });
  for (let from = 0; from < spec.rows; from += PER_TRANSACTION) {
    chunk(from, Math.min(spec.rows, from + PER_TRANSACTION));
  }
  // As after a quiet while: the WAL folded into the database file.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - started) / 1000;
}
