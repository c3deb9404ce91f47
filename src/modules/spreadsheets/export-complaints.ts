import type { Writable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import type { Locale } from '../../i18n/index.js';
import { forbidden } from '../../lib/errors.js';
import { localFormatter } from '../../lib/time.js';
import type { schemas } from '../complaints/index.js';
import { requirePermission, type ScannedComplaint, scanComplaints } from '../complaints/index.js';
import { isSealed, maskPhone, open, piiKeys } from '../privacy/index.js';
import {
  CHANNEL_LABELS,
  GRADE_LABELS,
  labelOf,
  PRIORITY_LABELS,
  STATUS_LABELS,
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
  const toRow = rowBuilder(ctx, locale);
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

function rowBuilder(ctx: ActorContext, locale: Locale) {
  const keys = piiKeys(ctx.config.secret);
  const local = localFormatter(ctx.config.timeZone);
  const [yes, no] = YES_NO[locale];
  const en = locale === 'en';
  // A phone that cannot be opened (sealed under another secret) is shown as nothing rather than failing the export.
  const phone = (sealed: string | null) => {
    if (!sealed) return '';
    try {
      return maskPhone(isSealed(sealed) ? open(keys, sealed) : sealed);
    } catch {
      return '';
    }
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
    phone(c.complainant_phone),
    c.waybill_no ?? '',
    c.order_no ?? '',
    c.due_at === null ? '' : local(c.due_at),
    c.reopen_count,
    c.repeat_complaint ? yes : no,
  ];
}
