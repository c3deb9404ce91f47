import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ActorContext } from '../../context.js';
import type { Locale } from '../../i18n/index.js';
import { forbidden } from '../../lib/errors.js';
import type { schemas } from '../complaints/index.js';
import { requirePermission, type ScannedComplaint, scanComplaints } from '../complaints/index.js';
import { isSealed, maskPhone, open, piiKeys } from '../privacy/index.js';
import { localFormatter } from './local-time.js';
import {
  CHANNEL_LABELS,
  GRADE_LABELS,
  labelOf,
  PRIORITY_LABELS,
  STATUS_LABELS,
  YES_NO,
} from './vocabulary.js';

export type ExportInput = Omit<schemas.ListInput, 'limit' | 'cursor'>;

/** Rows per keyset query: large enough to amortise the query, small enough to keep memory flat. */
const BATCH = 2000;
/**
 * exceljs's streaming writer hands each committed row to the zip entry without waiting for it to be
 * compressed and written (its StreamBuf ignores backpressure), so without a pause between batches a
 * million rows pile up in memory. The export waits whenever more than this is pending.
 */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

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
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: output,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = book.addWorksheet(locale === 'en' ? 'complaints' : '投诉');
      sheet.addRow(HEADERS).commit();
      let rows = 0;
      for await (const batch of scan.batches(options.batchSize ?? BATCH)) {
        for (const c of batch) sheet.addRow(toRow(c)).commit();
        rows += batch.length;
        await roomFor(sheet, output);
      }
      sheet.commit();
      await book.commit();
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

/** Bytes the worksheet's zip entry has been given but not yet compressed (see MAX_PENDING_BYTES). */
function pendingBytes(sheet: ExcelJS.Worksheet): { stream: Writable; bytes: number } | null {
  // Internals of exceljs 4 (WorksheetWriter.stream is a StreamBuf; its `pipes` are the zip entry).
  const pipes = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  const entry = pipes[0];
  const state = (entry as unknown as { _writableState?: { length?: number } } | undefined)?._writableState;
  return entry && typeof state?.length === 'number' ? { stream: entry, bytes: state.length } : null;
}

/** Wait until the zip has caught up with the rows written so far, or the output has gone (client left). */
async function roomFor(sheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  for (;;) {
    if (output.destroyed) throw new Error('export aborted: the output was closed');
    const pending = pendingBytes(sheet);
    if (!pending || pending.bytes <= MAX_PENDING_BYTES) return;
    const stop = new AbortController();
    const events = [
      once(pending.stream, 'drain', { signal: stop.signal }),
      once(output, 'close', { signal: stop.signal }),
    ];
    try {
      await Promise.race(events);
    } finally {
      stop.abort();
      // The losing wait rejects with AbortError; nobody needs it.
      for (const e of events) e.catch(() => {});
    }
  }
}
