import type { Writable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import type { Locale } from '../../i18n/index.js';
import { forbidden } from '../../lib/errors.js';
import { localFormatter } from '../../lib/time.js';
import type { schemas } from '../complaints/index.js';
import {
  type RemedySummary,
  requirePermission,
  type ScannedComplaint,
  scanComplaints,
} from '../complaints/index.js';
import { REMEDY_NAMES } from '../notify/index.js';
import { maskPhone } from '../privacy/index.js';
import {
  CHANNEL_LABELS,
  CONFIRMATION_LABELS,
  DEGREE_LABELS,
  FULFILMENT_LABELS,
  GRADE_LABELS,
  INVALID_REASON_LABELS,
  LIABLE_PARTY_LABELS,
  labelOf,
  PRIORITY_LABELS,
  PROOF_LABELS,
  REMEDY_STATUS_LABELS,
  STATUS_LABELS,
  VALID_KIND_LABELS,
  VALIDITY_LABELS,
  YES_NO,
} from './vocabulary.js';
import { streamSheet } from './xlsx-stream.js';

export type ExportInput = Omit<schemas.ListInput, 'limit' | 'cursor'>;

/** Rows per keyset query: large enough to amortise the query, small enough to keep memory flat. */
const BATCH = 500;

const HEADERS = [
  '编号 number',
  '状态 status',
  '渠道 channel',
  '投诉时间 received at',
  '标题 title',
  '分类 category',
  '优先级 priority',
  '等级 grade',
  '责任单位 unit',
  '处理人 assignee',
  '投诉人 complainant',
  '电话 phone',
  '运单号 waybill',
  '订单号 order',
  '处理时限 due at',
  '重开次数 reopen count',
  '重复投诉 repeat',
  '有效性 validity',
  '责任方 liable party',
  '责任单位/人 responsible',
  '责任程度 degree',
  '处理方案 remedy',
  '方案金额(元) remedy amount',
  '方案状态 remedy status',
  '执行完成 fulfilled at',
  '执行凭证 proof',
  '客户确认 confirmation',
  '满意度 satisfaction',
];

export interface ComplaintExport {
  /** Write the workbook to `output` (ending it); resolves with the number of complaints written. */
  writeTo(output: Writable): Promise<number>;
}

/**
 * 导出: every complaint of a filtered list the actor may see, as one xlsx streamed to `output`,
 * read in keyset batches and written row by row, so memory stays flat for a million rows. Phones
 * are masked. Filters and permission are checked here, before anything is written.
 */
export async function prepareComplaintExport(
  ctx: ActorContext,
  input: ExportInput,
  locale: Locale,
  options: { batchSize?: number } = {},
): Promise<ComplaintExport> {
  // A complainant on the portal reads their own complaint, never a list of them.
  if (ctx.actor.customerOf !== undefined) throw forbidden('forbidden', { action: 'export' });
  requirePermission(ctx.actor, 'read');
  const scan = await scanComplaints(ctx, input);
  // The few units by id, read once: cheaper than a join on every one of a million rows.
  const units = new Map(
    (await ctx.db.selectFrom('units').select(['id', 'name', 'name_en']).execute()).map((u) => [
      u.id,
      locale === 'en' ? (u.name_en ?? u.name) : u.name,
    ]),
  );
  const toRow = rowBuilder(ctx, locale, units);
  return {
    async writeTo(output) {
      const sheet = await streamSheet(output, locale === 'en' ? 'complaints' : '投诉');
      sheet.addRow(HEADERS);
      let rows = 0;
      for await (const batch of scan.batches(options.batchSize ?? BATCH)) {
        for (const c of batch) {
          const full = sheet.addRow(toRow(c));
          // The output (a slow client, the disk) or the compression is behind: wait for it.
          if (full) await full;
        }
        rows += batch.length;
      }
      await sheet.finish();
      return rows;
    },
  };
}

function rowBuilder(ctx: ActorContext, locale: Locale, units: Map<number, string>) {
  const local = localFormatter(ctx.config.timeZone);
  const [yes, no] = YES_NO[locale];
  const en = locale === 'en';
  const label = (labels: Parameters<typeof labelOf>[0], code: string | null) =>
    code === null ? '' : labelOf(labels, code, locale);
  const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  const remedyNames = REMEDY_NAMES[locale];
  const remedyColumns = (r: RemedySummary['remedy']) =>
    r === null
      ? ['', '', '', '', '']
      : [
          r.kinds.map((k) => remedyNames[k] ?? k).join(en ? ', ' : '、'),
          r.amount / 100,
          joined(label(REMEDY_STATUS_LABELS, r.status), label(FULFILMENT_LABELS, r.fulfilmentStatus)),
          r.fulfilledAt === null || r.fulfilmentStatus !== 'done' ? '' : local(r.fulfilledAt),
          Object.entries(r.proof ?? {})
            .filter(([key]) => key !== 'evidenceId')
            .map(([key, value]) => `${label(PROOF_LABELS, key)} ${value}`)
            .join('; '),
        ];
  const satisfaction = (s: RemedySummary['survey']) => {
    if (s === null) return '';
    const mean = (s.speed + s.effectiveness + s.attitude + s.transparency) / 4;
    return `${mean.toFixed(1)}/5 · ${en ? 'recommend' : '推荐'} ${s.recommendation}/10`;
  };
  return (c: ScannedComplaint) => [
    c.number,
    labelOf(STATUS_LABELS, c.status, locale),
    labelOf(CHANNEL_LABELS, c.channel, locale),
    local(c.received_at),
    c.title,
    (en ? c.category_en : c.category_zh) ?? '',
    labelOf(PRIORITY_LABELS, c.priority, locale),
    labelOf(GRADE_LABELS, c.grade, locale),
    (en ? (c.unit_name_en ?? c.unit_name) : c.unit_name) ?? '',
    c.assignee_name ?? '',
    c.complainant_name,
    // A phone that cannot be opened (sealed under another secret) is shown as nothing rather than failing the export.
    c.complainant_phone ? maskPhone(c.complainant_phone) : '',
    c.waybill_no ?? '',
    c.order_no ?? '',
    c.due_at === null ? '' : local(c.due_at),
    c.reopen_count,
    c.repeat_complaint ? yes : no,
    joined(
      label(VALIDITY_LABELS, c.validity),
      label(VALID_KIND_LABELS, c.validity_kind),
      label(INVALID_REASON_LABELS, c.invalid_reason),
    ),
    label(LIABLE_PARTY_LABELS, c.liable_party),
    joined(
      c.responsible_unit_id === null ? '' : (units.get(c.responsible_unit_id) ?? ''),
      c.responsible_person ?? '',
    ),
    label(DEGREE_LABELS, c.liability_degree),
    ...remedyColumns(c.summary.remedy),
    label(CONFIRMATION_LABELS, c.customer_confirmation),
    satisfaction(c.summary.survey),
  ];
}
