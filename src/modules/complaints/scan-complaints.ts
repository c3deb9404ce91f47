import type { CompiledQuery } from 'kysely';
import type { ActorContext } from '../../context.js';
import { openThreadReader, type ThreadReader } from '../../db/sqlite-reader.js';
import { isSealed, open, piiKeys, sealedValues } from '../privacy/index.js';
import { filteredComplaints, idsAfter, inOrder, joined } from './list-complaints.js';
import type { ListInput } from './list-schemas.js';
import { type RemedySummary, remedySummaries } from './remedy-summaries.js';

/** The columns of a batch that hold personal data sealed at rest (privacy/pii.ts). */
const SEALED_COLUMNS = ['complainant_phone'] as const;

/** A batch of an export: what its columns show, and the sort columns for the next keyset. */
function scanPage(ctx: ActorContext, ids: number[]) {
  return joined(ctx, ids).select([
    'complaints.id',
    'complaints.number',
    'complaints.status',
    'complaints.channel',
    'complaints.received_at',
    'complaints.updated_at',
    'complaints.title',
    'complaints.priority',
    'complaints.grade',
    'complaints.complainant_name',
    'complaints.complainant_phone',
    'complaints.waybill_no',
    'complaints.order_no',
    'complaints.due_at',
    'complaints.reopen_count',
    'complaints.repeat_complaint',
    'categories.name_zh as category_zh',
    'categories.name_en as category_en',
    'units.name as unit_name',
    'units.name_en as unit_name_en',
    'assignee.display_name as assignee_name',
    'complaints.validity',
    'complaints.validity_kind',
    'complaints.invalid_reason',
    'complaints.liable_party',
    'complaints.liability_degree',
    'complaints.responsible_unit_id',
    'complaints.responsible_person',
    'complaints.customer_confirmation',
  ]);
}

type ScanQuery = ReturnType<typeof scanPage>;

/**
 * A complaint of `scanComplaints`: the list's columns, what an export adds, its latest remedy and
 * survey, and the complainant's phone in clear (null when there is none or it cannot be opened:
 * sealed under another secret).
 */
export type ScannedComplaint = Awaited<ReturnType<ScanQuery['execute']>>[number] & { summary: RemedySummary };

/**
 * Every complaint of a list (the same filters, visibility and order, no page limit) in batches, each
 * one keyset query: for exports of any size in bounded memory. Filters are checked before the first
 * batch is read, so a bad filter is refused before anything is sent. On a SQLite file the batches'
 * rows, their remedies and surveys are read, and their phones opened, on a thread of their own
 * (db/sqlite-reader.ts): the next batch while the caller writes the last one.
 */
export async function scanComplaints(
  ctx: ActorContext,
  input: Omit<ListInput, 'limit' | 'cursor'>,
): Promise<{ batches(size: number): AsyncGenerator<ScannedComplaint[]> }> {
  // Planned for batches of an export's size.
  const listing = await filteredComplaints(ctx, input, { pageSize: 2000 });
  const keys = piiKeys(ctx.config.secret);
  const opened = (phone: string | null) => {
    try {
      return phone !== null && isSealed(phone) ? open(keys, phone) : phone;
    } catch {
      return null;
    }
  };
  return {
    async *batches(size) {
      let reader: ThreadReader | null =
        ctx.dialect === 'sqlite' ? openThreadReader(ctx.config.databaseUrl, sealedValues(keys)) : null;
      const onMainConnection = (error: unknown) => {
        // A thread that cannot read (the file unreadable to it, its heap exhausted) hands the rest
        // of the scan back to the main connection: the export goes on, a little slower.
        console.warn(
          `[export] reader thread failed, reading on the main connection: ${(error as Error).message}`,
        );
        void reader?.close();
        reader = null;
      };
      // On the thread while it reads, else on the main connection; the sealed values of `open`
      // come back in clear either way.
      const read = async <R>(
        query: { compile(): CompiledQuery<R>; execute(): Promise<R[]> },
        open: readonly string[] = [],
      ): Promise<R[]> => {
        const thread = reader;
        if (thread) {
          try {
            return await thread.all(query.compile(), open);
          } catch (error) {
            if (reader === thread) onMainConnection(error);
          }
        }
        const rows = await query.execute();
        for (const row of rows as Array<Record<string, unknown>>)
          for (const column of open) row[column] = opened(row[column] as string | null);
        return rows;
      };
      const batchOf = async (ids: number[]): Promise<ScannedComplaint[]> => {
        const [rows, summaries] = await Promise.all([
          inOrder(ids, () => read(scanPage(ctx, ids), SEALED_COLUMNS)),
          remedySummaries(ctx.db, ids, read),
        ]);
        return rows.map((r) =>
          Object.assign(r, { summary: summaries.get(r.id) ?? { remedy: null, survey: null } }),
        );
      };
      const batch = (ids: number[]) => {
        const rows = batchOf(ids);
        // Not yet awaited when the caller stops early: its failure is then nobody's.
        rows.catch(() => undefined);
        return rows;
      };
      try {
        let ids = await idsAfter(ctx, listing, null, size, read);
        let pending = ids.length ? batch(ids) : null;
        while (pending) {
          const rows = await pending;
          pending = null;
          const last = rows.at(-1);
          if (ids.length === size && last) {
            ids = await idsAfter(ctx, listing, [last[listing.column], last.id], size, read);
            if (ids.length) pending = batch(ids);
          }
          if (rows.length) yield rows;
        }
      } finally {
        await reader?.close();
      }
    },
  };
}
