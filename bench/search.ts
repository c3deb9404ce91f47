/**
 * Search: p50/p95 latency of full-text searches in the complaint list over 1,000,000 complaints on
 * each database (BENCH_SEARCH_ROWS to change; another number is a trial run), against the ceiling
 * of the same lists without `q`. The complaints are varied Chinese texts made from a vocabulary per
 * level-1 category, written in bulk with their search documents (segmented once, written to every
 * database of the run in the same pass). The queries go through `listComplaints`, the function the
 * API and the export use, as the supervisor (sees every complaint) and as the Pudong handler (sees
 * their station's only).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { DEFAULT_SQLITE_CACHE_MIB } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { type DatabaseHandle, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { NewComplaint } from '../src/db/schema.js';
import { systemClock } from '../src/lib/clock.js';
import { dateKey } from '../src/lib/time.js';
import { listComplaints } from '../src/modules/complaints/queries.js';
import type { ListInput } from '../src/modules/complaints/schemas.js';
import { loadActor } from '../src/modules/org/actor.js';
import { similarComplaints } from '../src/modules/search/similar.js';
import { complaintTerms, foldWidth } from '../src/modules/search/terms.js';
import { seedDemoOrganisation } from '../src/seed/demo.js';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { envRows } from './lib/env-rows.js';
import { DEMO_PASSWORD, type FreshDatabase, freshDatabase } from './lib/kesu.js';

export const DEFAULT_SEARCH_ROWS = 1_000_000;
export const TIME_ZONE = 'Asia/Shanghai';
const SECRET = 'bench-search-secret-0123456789abcdef';
const DAY = 86_400_000;
const BATCH = 5_000;
/** PostgreSQL allows 65,535 parameters a statement. */
const PG_ROWS_PER_INSERT = 1_000;
const QUERIES = 200;
const WARMUP_QUERIES = 20;

/** BENCH_SEARCH_ROWS (default 1,000,000): fewer for a quick run. */
export const searchRows = (): number => envRows('BENCH_SEARCH_ROWS', DEFAULT_SEARCH_ROWS);

export const label = (rows: number) =>
  rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);

// --- The texts ------------------------------------------------------------------------------------

const PLACES = [
  '上海',
  '北京',
  '广州',
  '深圳',
  '杭州',
  '成都',
  '武汉',
  '南京',
  '西安',
  '重庆',
  '苏州',
  '天津',
  '长沙',
  '郑州',
  '青岛',
  '厦门',
];
const ITEMS = [
  '手机',
  '笔记本电脑',
  '陶瓷茶具',
  '羽绒服',
  '运动鞋',
  '化妆品',
  '生鲜水果',
  '大闸蟹',
  '书籍',
  '玻璃花瓶',
  '蓝牙耳机',
  '茶叶',
  '月饼',
  '药品',
  '合同文件',
  '生日蛋糕',
  '奶粉',
  '红酒',
  '显示器',
  '儿童玩具',
];
const SPANS = ['两天', '三天', '四天', '五天', '一周', '十天', '半个月'];
/** Sentences per level-1 category code; {p} a place, {i} an item, {t} a span of time. */
const SENTENCES: Record<string, string[]> = {
  delay: [
    '包裹{t}没有物流更新',
    '物流信息一直停留在{p}转运中心',
    '承诺次日达结果{t}才到',
    '派送一再延误，打电话也没人接',
    '中转延误导致{i}过期',
    '揽收后{t}都没有发出',
  ],
  lost: [
    '包裹显示在途但一直没有收到',
    '{i}丢失了，网点说找不到',
    '内件短少，少了一件{i}',
    '整件丢失，要求按保价金额赔偿',
    '网点说包裹在{p}分拨中心遗失',
  ],
  damage: [
    '外包装破损严重',
    '里面的{i}碎了',
    '{i}摔坏了无法使用',
    '纸箱被压扁，内件变形',
    '生鲜{i}已经变质发臭',
    '签收时发现外箱破损，{i}有划痕',
  ],
  delivery: [
    '快递员没有打电话就放到驿站',
    '未经同意放在快递柜，超时还要收费',
    '显示已签收但本人没有收到',
    '快递员态度恶劣，言语不文明',
    '没有送货上门，让我自己去{p}网点取',
    '虚假签收，家里一直有人',
  ],
  pickup: [
    '预约上门揽收快递员没有来',
    '快递员拒收我的{i}',
    '揽收时态度很差',
    '约好的时间没有上门，等了一整天',
  ],
  fees: [
    '运费与下单时显示的不一致',
    '多收了包装费和耗材费',
    '派送时上门收取额外费用',
    '要求退还多收的运费',
    '保价费收了但理赔不认',
  ],
  cod: ['代收货款迟迟没有到账', '货款被少结算了', '代收金额与订单不符'],
  info: ['物流信息显示错误', '查询不到运单信息', '短信通知的取件码不对'],
  other: ['客服电话一直打不通', '投诉后没有人回复', '网点电话无人接听'],
};
const OPENERS = [
  '我在{p}寄出的{i}，',
  '{t}前从{p}网购的{i}，',
  '寄往{p}的包裹，',
  '',
  '本人于上周收到的{i}，',
];
const DEMANDS = [
  '要求赔偿。',
  '要求道歉。',
  '请尽快处理。',
  '希望给个说法。',
  '要求退款。',
  '要求补发。',
  '已经第二次投诉了！',
];
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生'];
const CHANNELS = ['phone', 'phone', 'phone', 'app', 'wechat', 'web', 'email', 'regulator'];
const PRIORITIES = ['P3', 'P3', 'P3', 'P2', 'P4', 'P1'];
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

/** A small deterministic generator (mulberry32), so both databases get the same complaints. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Org {
  agentId: number;
  service: { id: number; path: string };
  stations: Array<{ id: number; path: string; handlerId: number }>;
  /** Leaf categories with their level-1 code and path. */
  leaves: Array<{ id: number; branch: string; path: string }>;
  branches: Array<{ id: number; code: string }>;
}

export interface GeneratedRow {
  complaint: NewComplaint & { id: number };
  body: string;
  terms: string[];
}

export function generator(org: Org, rows: number, now: number) {
  const next = random(20261126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const fill = (s: string) =>
    s.replaceAll('{p}', pick(PLACES)).replaceAll('{i}', pick(ITEMS)).replaceAll('{t}', pick(SPANS));
  const perDay = new Map<string, number>();
  const span = 365 * DAY;
  return (i: number): GeneratedRow => {
    const leaf = pick(org.leaves);
    const pool = SENTENCES[leaf.branch] ?? SENTENCES.other ?? [];
    const first = fill(pick(pool));
    const sentences = [first, ...Array.from({ length: 1 + Math.floor(next() * 3) }, () => fill(pick(pool)))];
    const waybill = `SF${String(1_000_000_000 + i)}`;
    const orderNo = i % 3 === 0 ? `DD${String(20_260_000_000 + i)}` : null;
    const mention = next() < 0.2 ? `运单号${waybill}，` : '';
    const content = `${fill(pick(OPENERS))}${mention}${sentences.join('，')}，${pick(DEMANDS)}`;
    const title = first.length > 20 ? first.slice(0, 20) : first;
    const receivedAt = now - span + Math.floor(((i + 0.5) * span) / rows);
    const registeredAt = receivedAt + 5 * 60_000;
    const day = dateKey(registeredAt, TIME_ZONE);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const status = pick(STATUSES);
    const station = org.stations[i % org.stations.length];
    const handled = status !== 'received' && station !== undefined;
    const unit = handled ? station : org.service;
    const open = OPEN.has(status);
    const body = foldWidth([title, content, waybill, orderNo].filter(Boolean).join('\n'));
    return {
      complaint: {
        id: i + 1,
        number: `KS${day}-${String(seq).padStart(6, '0')}`,
        status,
        channel: pick(CHANNELS),
        received_at: receivedAt,
        registered_at: registeredAt,
        registered_by: org.agentId,
        intake_unit_id: org.service.id,
        intake_unit_path: org.service.path,
        complainant_name: pick(NAMES),
        complainant_phone: null,
        complainant_email: null,
        preferred_contact: 'phone',
        identity_verified: 0,
        title,
        content,
        demands: '["explanation"]',
        demand_amount: null,
        demand_text: null,
        order_no: orderNo,
        waybill_no: waybill,
        store: null,
        product: null,
        batch_no: null,
        region: null,
        staff_complained: null,
        category_id: leaf.id,
        category_confirmed: 0,
        priority: pick(PRIORITIES),
        grade: i % 97 === 0 ? 'major' : 'general',
        major_reasons: i % 97 === 0 ? '["property_loss"]' : '[]',
        tags: '[]',
        unit_id: unit.id,
        unit_path: unit.path,
        assignee_id: handled && station ? station.handlerId : null,
        escalation_level: 0,
        reopen_count: 0,
        resolved_at: open ? null : registeredAt + 2 * DAY,
        closed_at: status === 'closed' ? registeredAt + 3 * DAY : null,
        updated_at: open ? registeredAt : registeredAt + 3 * DAY,
        due_at: open ? registeredAt + 3 * DAY : null,
        repeat_complaint: 0,
      },
      body,
      terms: complaintTerms(body, leaf.path),
    };
  };
}

// --- Writing --------------------------------------------------------------------------------------

export interface Target {
  kind: DbKind;
  db: FreshDatabase;
  write(rows: GeneratedRow[]): Promise<void>;
  finish(): Promise<void>;
}

export function sqliteTarget(db: FreshDatabase): Target {
  const conn = new Database(db.url.slice('sqlite:'.length));
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  let insert: Database.Statement | null = null;
  const doc = conn.prepare('insert into complaint_search (complaint_id, body, updated_at) values (?, ?, ?)');
  const fts = conn.prepare('insert into complaint_search_fts (rowid, terms) values (?, ?)');
  const batch = conn.transaction((rows: GeneratedRow[]) => {
    for (const r of rows) {
      const columns = Object.keys(r.complaint);
      insert ??= conn.prepare(
        `insert into complaints (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      insert.run(r.complaint);
      doc.run(r.complaint.id, r.body, r.complaint.updated_at);
      fts.run(r.complaint.id, r.terms.join(' '));
    }
  });
  return {
    kind: 'sqlite',
    db,
    async write(rows) {
      batch(rows);
    },
    async finish() {
      // As FTS5's automatic merging leaves a long-lived index: its segments merged.
      conn.exec(`insert into complaint_search_fts (complaint_search_fts) values ('optimize')`);
      conn.pragma('wal_checkpoint(TRUNCATE)');
      conn.close();
    },
  };
}

export async function postgresTarget(db: FreshDatabase): Promise<Target> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  // Built once after the load, as a bulk import would: faster than maintaining it row by row.
  await client.query('drop index complaint_search_terms');
  return {
    kind: 'postgres',
    db,
    async write(rows) {
      for (let from = 0; from < rows.length; from += PG_ROWS_PER_INSERT) {
        const part = rows.slice(from, from + PG_ROWS_PER_INSERT);
        const first = part[0];
        if (!first) continue;
        const columns = Object.keys(first.complaint);
        const values: unknown[] = [];
        const tuples = part.map((r) => {
          const row = r.complaint as Record<string, unknown>;
          const start = values.length;
          values.push(...columns.map((c) => row[c] ?? null));
          return `(${columns.map((_, k) => `$${start + k + 1}`).join(', ')})`;
        });
        await client.query(
          `insert into complaints (${columns.join(', ')}) overriding system value values ${tuples.join(', ')}`,
          values,
        );
        await client.query(
          `insert into complaint_search (complaint_id, body, updated_at, terms)
           select id, body, updated_at, array_to_tsvector(string_to_array(terms, ' '))
           from unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) as d(id, body, updated_at, terms)`,
          [
            part.map((r) => r.complaint.id),
            part.map((r) => r.body),
            part.map((r) => r.complaint.updated_at),
            part.map((r) => r.terms.join(' ')),
          ],
        );
      }
    },
    async finish() {
      await client.query(`set maintenance_work_mem = '512MB'`);
      await client.query('create index complaint_search_terms on complaint_search using gin (terms)');
      await client.query('analyze');
      await client.end();
    },
  };
}

/** Schema and demo organisation; what the generator needs to know of it. */
export async function prepareSchema(db: FreshDatabase, kind: DbKind): Promise<Org> {
  const handle = openDatabase(db.url);
  try {
    await migrateToLatest(handle.db);
    const app = appContext(handle, kind, db);
    const demo = await seedDemoOrganisation(app, DEMO_PASSWORD);
    const units = await app.db.selectFrom('units').select(['id', 'path']).execute();
    const categories = await app.db
      .selectFrom('categories')
      .select(['id', 'parent_id', 'code', 'level', 'path'])
      .execute();
    const parents = new Set(categories.map((c) => c.parent_id));
    const unit = (key: string) => {
      const u = units.find((x) => x.id === demo.unitIds.get(key));
      if (!u) throw new Error(`demo organisation has no unit ${key}`);
      return u;
    };
    const user = (name: string) => demo.userIds.get(name) ?? 0;
    return {
      agentId: user('agent'),
      service: unit('service'),
      stations: [
        { ...unit('pudong'), handlerId: user('handler') },
        { ...unit('nanshan'), handlerId: user('handler2') },
      ],
      leaves: categories
        .filter((c) => !parents.has(c.id))
        .map((c) => ({ id: c.id, branch: c.code.split('.')[0] ?? 'other', path: c.path })),
      branches: categories.filter((c) => c.level === 1).map((c) => ({ id: c.id, code: c.code })),
    };
  } finally {
    await handle.close();
  }
}

export function appContext(handle: DatabaseHandle, kind: DbKind, db: FreshDatabase): AppContext {
  return {
    db: handle.db,
    dialect: kind,
    clock: systemClock,
    config: {
      timeZone: TIME_ZONE,
      secret: Buffer.from(SECRET),
      publicUrl: 'http://127.0.0.1',
      dataDir: db.dataDir,
    },
  };
}

// --- Queries --------------------------------------------------------------------------------------

const WORDS = [
  '破损',
  '延误',
  '丢失',
  '签收',
  '驿站',
  '态度',
  '赔偿',
  '运费',
  '退款',
  '变质',
  '揽收',
  '短少',
  '快递柜',
  '转运中心',
  '保价',
  '投诉',
];
const MULTI = [
  '外包装 破损',
  '快递员 态度',
  '物流 更新',
  '驿站 送货上门',
  '手机 摔坏',
  '运费 不一致',
  '包裹 丢失 赔偿',
  '大闸蟹 变质',
  '上海 转运中心',
];
const PHRASES = [
  '"没有物流更新"',
  '"态度恶劣"',
  '"外包装破损"',
  '"本人没有收到"',
  '"多收了包装费"',
  '"按保价金额赔偿"',
];
/** Words in few complaints (an item with a rare fault, a sentence of the smallest category). */
const RARE = ['红酒 碎了', '月饼 过期', '取件码', '代收金额', '显示器 划痕'];
const EXCLUDING = ['破损 -赔偿', '延误 -道歉', '驿站 -快递柜', '丢失 -网点', '态度 -揽收'];
const STATUS_FILTERS = ['received,assigned,investigating', 'closed', 'resolved,closed'];

/**
 * ~200 list inputs: common words (in a tenth of the complaints or more), rare ones, several words,
 * phrases, exclusions, number fragments, and with filters. Each is measured on its first page and
 * on the next one.
 */
export function queryInputs(org: Org, rows: number): ListInput[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const fragment = () => {
    const i = Math.floor(next() * rows);
    const digits = String(1_000_000_000 + i);
    const length = 5 + Math.floor(next() * 4);
    return digits.slice(digits.length - length);
  };
  const kinds: Record<(typeof SHAPES)[number], () => ListInput> = {
    word: () => ({ q: pick(WORDS) }),
    'rare words': () => ({ q: pick(RARE) }),
    'several words': () => ({ q: pick(MULTI) }),
    phrase: () => ({ q: pick(PHRASES) }),
    exclusion: () => ({ q: pick(EXCLUDING) }),
    'number fragment': () => ({ q: fragment() }),
    'word + statuses': () => ({ q: pick(WORDS), status: pick(STATUS_FILTERS) }),
    'words + category': () => ({ q: pick(MULTI), categoryId: pick(org.branches).id }),
    'word + category + statuses': () => ({
      q: pick(WORDS),
      categoryId: pick(org.branches).id,
      status: pick(STATUS_FILTERS),
    }),
  };
  return Array.from({ length: QUERIES }, (_, k) => ({ ...kinds[shapeOf(k)](), limit: 50 }) as ListInput);
}

/** The kinds of query, dealt in turn: `queryInputs(…)[k]` is of shape `shapeOf(k)`. */
const SHAPES = [
  'word',
  'rare words',
  'several words',
  'phrase',
  'exclusion',
  'number fragment',
  'word + statuses',
  'words + category',
  'word + category + statuses',
] as const;
export const shapeOf = (k: number) => SHAPES[k % SHAPES.length] ?? SHAPES[0];

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (ms: number) => Math.round(ms * 10) / 10;

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

async function actorOf(app: AppContext, name: string) {
  const user = await app.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', name)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(app.db, user.id);
  if (!actor) throw new Error(`no user ${name}`);
  return actor;
}

function latencyOf(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** One query shape as one user: its latency over every page of its queries. */
export interface ShapeLatency extends Latency {
  shape: string;
  user: string;
  samples: number;
}

/**
 * Each input's first page and, when there is one, its next page: every page is a sample. Also per
 * shape (`shapeOf`) and user, worst p95 first.
 */
export async function measure(
  app: AppContext,
  users: string[],
  inputs: ListInput[],
): Promise<{ latency: Latency; hits: number; shapes: ShapeLatency[] }> {
  const times: number[] = [];
  const byShape = new Map<string, { shape: string; user: string; times: number[] }>();
  let hits = 0;
  for (const [k, input] of inputs.entries()) {
    const user = users[k % users.length] ?? 'supervisor';
    const actor = await actorOf(app, user);
    const key = `${shapeOf(k)}\u0000${user}`;
    const shape = byShape.get(key) ?? { shape: shapeOf(k), user, times: [] };
    byShape.set(key, shape);
    let cursor: string | undefined;
    for (let pageNo = 0; pageNo < 2 && (pageNo === 0 || cursor); pageNo++) {
      const started = performance.now();
      const page = await listComplaints({ ...app, actor }, cursor ? { ...input, cursor } : input);
      const ms = performance.now() - started;
      times.push(ms);
      shape.times.push(ms);
      hits += page.items.length;
      cursor = page.nextCursor ?? undefined;
    }
  }
  const shapes = [...byShape.values()]
    .map(({ shape, user, times: t }) => ({ shape, user, samples: t.length, ...latencyOf(t) }))
    .sort((a, b) => b.p95 - a.p95);
  return { latency: latencyOf(times), hits, shapes };
}

const SIMILAR_QUERIES = 100;

/**
 * 相似投诉 of random complaints, as the detail page asks (limit 5): the supervisor's of any
 * complaint, the handler's of one of their station's (the first from a random id on).
 */
async function measureSimilar(app: AppContext, rows: number): Promise<Latency> {
  const next = random(11);
  const users = [await actorOf(app, 'supervisor'), await actorOf(app, 'handler')];
  const times: number[] = [];
  for (let k = 0; k < WARMUP_QUERIES + SIMILAR_QUERIES; k++) {
    const actor = users[k % 2] ?? users[0];
    if (!actor) break;
    const from = 1 + Math.floor(next() * rows * 0.95);
    let q = app.db.selectFrom('complaints').select('number').where('id', '>=', from);
    if (k % 2) q = q.where('unit_id', '=', actor.unitId);
    const c = await q.orderBy('id').limit(1).executeTakeFirstOrThrow();
    const started = performance.now();
    await similarComplaints({ ...app, actor }, c.number, 5);
    if (k >= WARMUP_QUERIES) times.push(performance.now() - started);
  }
  return latencyOf(times);
}

interface Result {
  rows: number;
  setupSeconds?: number;
  search?: Latency;
  /** The searches per shape and user, worst p95 first. */
  shapes?: ShapeLatency[];
  ceiling?: Latency;
  /** Ceiling p50 ÷ search p50. */
  ratio?: number;
  /** Items returned by the searches (first and next pages of 50): that they find something. */
  hits?: number;
  /** 相似投诉 of random complaints (the detail page's). */
  similar?: Latency;
  error?: string;
}

export async function runQueries(
  ctx: BenchContext,
  { kind, db, org, rows }: { kind: DbKind; db: FreshDatabase; org: Org; rows: number },
  result: Result,
) {
  // As `kesu serve` opens it (its page cache on SQLite).
  const handle = openDatabase(db.url, { pageCacheMiB: DEFAULT_SQLITE_CACHE_MIB });
  try {
    const app = appContext(handle, kind, db);
    const users = ['supervisor', 'handler'];
    const inputs = queryInputs(org, rows);
    await measure(app, users, inputs.slice(0, WARMUP_QUERIES));
    const search = await measure(app, users, inputs);
    const ceiling = await measure(
      app,
      users,
      inputs.map(({ q: _q, ...rest }) => rest),
    );
    result.search = search.latency;
    result.shapes = search.shapes;
    result.hits = search.hits;
    result.ceiling = ceiling.latency;
    result.ratio = Number((ceiling.latency.p50 / Math.max(search.latency.p50, 0.001)).toPrecision(2));
    result.similar = await measureSimilar(app, rows);
    ctx.log(
      `search ${kind}: ${JSON.stringify(search.latency)}; without q ${JSON.stringify(ceiling.latency)}; similar ${JSON.stringify(result.similar)}`,
    );
    for (const s of search.shapes)
      ctx.log(
        `search ${kind}: ${s.shape} as ${s.user}: p50 ${s.p50} ms p95 ${s.p95} ms max ${s.max} ms (${s.samples} pages)`,
      );
  } finally {
    await handle.close();
  }
}

/**
 * Writes `rows` generated complaints to each database in one generator pass (schema and demo
 * organisation first); `shape` turns each row into what a bench needs (workflow columns…). Returns
 * each database's organisation, in the order of `dbs`.
 */
export async function writeGeneratedDataset(
  dbs: Array<{ kind: DbKind; db: FreshDatabase }>,
  rows: number,
  options: {
    now: number;
    log: (written: number) => void;
    shape?: (org: Org) => (row: GeneratedRow, i: number) => GeneratedRow;
  },
): Promise<Org[]> {
  const orgs = await Promise.all(dbs.map(({ kind, db }) => prepareSchema(db, kind)));
  const org = orgs[0];
  if (!org) throw new Error('no database to run on');
  const targets = await Promise.all(
    dbs.map(({ kind, db }) => (kind === 'sqlite' ? sqliteTarget(db) : postgresTarget(db))),
  );
  const make = generator(org, rows, options.now);
  const shape = options.shape?.(org) ?? ((row: GeneratedRow) => row);
  for (let from = 0; from < rows; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - from) }, (_, k) =>
      shape(make(from + k), from + k),
    );
    await Promise.all(targets.map((t) => t.write(batch)));
    if ((from / BATCH) % 20 === 19) options.log(from + batch.length);
  }
  await Promise.all(targets.map((t) => t.finish()));
  return orgs;
}

const worst = (shapes: ShapeLatency[] = []) =>
  shapes[0] ? ` (worst: ${shapes[0].shape} as ${shapes[0].user}, p95 ${shapes[0].p95} ms)` : '';

async function run(ctx: BenchContext): Promise<ModuleOutcome> {
  const rows = searchRows();
  const kinds = ctx.options.databases;
  const results: Record<string, Result> = {};
  const summary: string[] = [];
  const dbs: Array<{ kind: DbKind; db: FreshDatabase }> = [];
  let ok = true;
  try {
    for (const kind of kinds) dbs.push({ kind, db: await freshDatabase(ctx, kind, 'search') });
    const started = performance.now();
    ctx.log(`search: writing ${rows} complaints with their search documents to ${kinds.join(' and ')}`);
    const orgs = await writeGeneratedDataset(dbs, rows, {
      now: Date.now(),
      log: (n) => ctx.log(`search: ${n} written`),
    });
    const org = orgs[0] as Org;
    const setupSeconds = Math.round((performance.now() - started) / 100) / 10;
    ctx.log(`search: written and indexed in ${setupSeconds} s`);
    for (const [k, { kind, db }] of dbs.entries()) {
      const result: Result = { rows, setupSeconds };
      results[kind] = result;
      try {
        await runQueries(ctx, { kind, db, org: orgs[k] ?? org, rows }, result);
        summary.push(
          `search ${label(rows)} ${kind}: p50 ${result.search?.p50} ms p95 ${result.search?.p95} ms${worst(result.shapes)}`,
          `search/ceiling ${kind}: ${result.ratio} (the same lists without q: p50 ${result.ceiling?.p50} ms p95 ${result.ceiling?.p95} ms)`,
          `similar ${label(rows)} ${kind}: p95 ${result.similar?.p95} ms`,
        );
      } catch (error) {
        ok = false;
        result.error = error instanceof Error ? error.message : String(error);
        summary.push(`search ${label(rows)} ${kind}: failed (${result.error.split('\n')[0]})`);
      }
    }
  } finally {
    for (const { db } of dbs) db.remove();
  }
  return { section: results as Record<string, unknown>, summary, ok };
}

export const searchBench: BenchModule = { name: 'search', run };
