/**
 * The registration mix: request bodies for `POST /api/v1/complaints` drawn from a seeded random
 * source (MIX_SEED), so every run and both databases get the same sequence. See bench/README.md
 * "Registration mix".
 *
 * - Customers: CUSTOMERS of them, chosen with a Zipf distribution (s = 1): the first, a merchant,
 *   files about a tenth of the complaints, a few hundred complain again and again, most once.
 *   One in ten gives only an e-mail address.
 * - Waybills: a new one for most complaints; REPEAT_WAYBILL of them name a waybill of one of the
 *   last 200 complaints again (a parcel complained about twice).
 * - Texts: lines of the classifier's express corpus, with an opening and a closing phrase added
 *   (the title is the line's first clause); channels weighted as a call centre sees them.
 * - Category: given (the corpus line's label) for most; left out for CLASSIFIED of them so the
 *   classifier chooses — those keep the corpus line as it is and are sent without a category only
 *   when the server's classifier is sure of it (asked once per line, see `settleCategories`), so
 *   no request is refused for want of a category.
 * - Priority given for one in eight (the corpus line's), unitId for one in ten, a regulator's
 *   referral for one in fifty.
 */
import { expressCorpus } from '../../src/modules/classifier/starter-models.js';
import { random } from '../search.js';
import type { KesuClient } from './kesu.js';

export const MIX_SEED = 20261203;
/** Bodies generated per run; the load cycles through them. */
export const MIX_BODIES = 10_000;
const CUSTOMERS = 20_000;
const REPEAT_WAYBILL = 0.08;
const CLASSIFIED = 0.2;

const MERCHANT = { name: '优选数码旗舰店', phone: '13900000001' };
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生', '周女士'];
const OPENINGS = ['', '', '您好，', '客服你好，', '我要投诉：', '麻烦看一下，'];
const CLOSINGS = ['', '', '请尽快处理。', '希望给个说法！', '这是第二次反映了。', '等你们回电。'];
/** Channels weighted by how often a courier's call centre sees them (referrals need their own field). */
const CHANNELS = [
  ...Array<string>(8).fill('phone'),
  ...Array<string>(3).fill('app'),
  ...Array<string>(3).fill('wechat'),
  'web',
  'web',
  'sms',
  'email',
  'onsite',
  'social',
];
const DEMANDS = ['explanation', 'apology', 'compensation', 'refund', 'reship'];

export interface MixRefs {
  /** Category id by code (every label of the corpus). */
  categoryIds: Map<string, number>;
  /** Units an agent may file a complaint at (the `unitId` given by some bodies). */
  unitIds: number[];
}

export interface MixBody {
  body: Record<string, unknown>;
  /** The corpus label: sent as categoryId unless the classifier is sure of the text. */
  label: string;
  classify: boolean;
}

/** Zipf(s = 1) over `n` ranks: a sampler returning a rank 0 … n-1 (0 the most frequent). */
function zipf(n: number, next: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1);
    cdf[k] = sum;
  }
  return () => {
    const u = next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? 0) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function complainant(rank: number) {
  if (rank === 0) return MERCHANT;
  const name = NAMES[rank % NAMES.length] ?? '王女士';
  if (rank % 10 === 9) return { name, email: `customer${rank}@example.com` };
  return { name, phone: `13${String(rank * 7 + 100).padStart(9, '0')}` };
}

function category(refs: MixRefs, code: string): number {
  const id = refs.categoryIds.get(code);
  if (id === undefined) throw new Error(`no category ${code} in the database`);
  return id;
}

/** The first clause of a corpus line, as an agent would title it. */
const titleOf = (text: string) =>
  (text.split(/[，。！？,!?；;]/)[0] ?? text).slice(0, 30) || text.slice(0, 30);

export function registrationMix(refs: MixRefs, count = MIX_BODIES, seed = MIX_SEED): MixBody[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const customer = zipf(CUSTOMERS, next);
  const corpus = expressCorpus();
  const waybills: string[] = [];
  return Array.from({ length: count }, (_, i) => {
    const line = pick(corpus);
    const classify = next() < CLASSIFIED;
    const content = classify ? line.text : `${pick(OPENINGS)}${line.text}${pick(CLOSINGS)}`;
    const waybillNo =
      waybills.length > 0 && next() < REPEAT_WAYBILL
        ? pick(waybills.slice(-200))
        : `YT${String(4_000_000_000 + i * 13).padStart(12, '0')}`;
    waybills.push(waybillNo);
    const referral = next() < 0.02;
    const body: Record<string, unknown> = {
      channel: referral ? 'regulator' : pick(CHANNELS),
      complainant: complainant(customer()),
      title: titleOf(line.text),
      content,
      waybillNo,
      demands: [pick(DEMANDS)],
    };
    if (!classify) body.categoryId = category(refs, line.label);
    if (next() < 0.125 && line.priority) body.priority = line.priority;
    if (next() < 0.1) body.unitId = pick(refs.unitIds);
    if (referral)
      body.referral = { number: `12315-2026-${String(i).padStart(6, '0')}`, authority: '市场监督管理局' };
    return { body, label: line.label, classify };
  });
}

/**
 * Sends each body's category unless the server's classifier is sure of its text (asked once per
 * distinct text through `POST /classification/suggest`); returns the JSON bodies to send.
 */
export async function settleCategories(
  client: KesuClient,
  refs: MixRefs,
  mix: MixBody[],
): Promise<{ bodies: string[]; classified: number }> {
  const textOf = (body: Record<string, unknown>) => ({
    title: String(body.title),
    content: String(body.content),
  });
  const keyOf = (t: { title: string; content: string }) => `${t.title}\n${t.content}`;
  const texts = new Map(mix.filter((m) => m.classify).map((m) => [keyOf(textOf(m.body)), textOf(m.body)]));
  const sure = new Map<string, boolean>();
  const queue = [...texts];
  const ask = async () => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      const s = await client.request<{ category: { confidence: number } | null; autoApplyAt: number }>(
        'POST',
        '/api/v1/classification/suggest',
        item[1],
      );
      sure.set(item[0], !!s.category && s.category.confidence >= s.autoApplyAt);
    }
  };
  await Promise.all(Array.from({ length: 8 }, ask));
  let classified = 0;
  const bodies = mix.map(({ body, label, classify }) => {
    if (classify && sure.get(keyOf(textOf(body)))) classified++;
    else body.categoryId = category(refs, label);
    return JSON.stringify(body);
  });
  return { bodies, classified };
}

/** Category ids by code and the units an agent files at (the service centre and the two stations). */
export async function mixRefs(client: KesuClient): Promise<MixRefs> {
  const categories = await client.request<{ items: Array<{ id: number; code: string }> }>(
    'GET',
    '/api/v1/categories',
  );
  const units = await client.request<{ items: Array<{ id: number; kind: string }> }>('GET', '/api/v1/units');
  return {
    categoryIds: new Map(categories.items.map((c) => [c.code, c.id])),
    unitIds: units.items.filter((u) => u.kind === 'department').map((u) => u.id),
  };
}
