import type { ActorContext } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { badRequest } from '../../lib/errors.js';
import { categorySubtreeIds } from '../categories/index.js';
import { CASE_COLUMNS, toCaseView } from './case-view.js';
import { requireLibraryReader } from './library-access.js';
import type { CasesInput } from './schemas.js';
import { contains, queryWords } from './terms.js';

/** 案例库: the cases, newest first, searched by words (all must match) and filtered by category branch. */
export async function listCases(ctx: ActorContext, input: CasesInput) {
  requireLibraryReader(ctx);
  const limit = input.limit ?? 20;
  let q = ctx.db
    .selectFrom('complaint_cases')
    .innerJoin('complaints', 'complaints.id', 'complaint_cases.complaint_id')
    .innerJoin('categories', 'categories.id', 'complaint_cases.category_id')
    .leftJoin('users', 'users.id', 'complaint_cases.marked_by');
  for (const word of queryWords(input.q ?? '')) {
    q = q.where(contains('complaint_cases.terms', word));
  }
  if (input.categoryId) {
    const ids = await categorySubtreeIds(ctx.db, input.categoryId);
    if (!ids.length)
      throw badRequest('validation_failed', [
        { path: '/categoryId', source: 'querystring', code: 'unknown_category' },
      ]);
    q = q.where('complaint_cases.category_id', 'in', ids);
  }
  if (input.cursor) {
    const [markedAt, id] = decodeCursor(input.cursor, 'integer');
    q = q.where((eb) =>
      eb(
        eb.refTuple('complaint_cases.marked_at', 'complaint_cases.complaint_id'),
        '<',
        eb.tuple(Number(markedAt), id),
      ),
    );
  }
  const rows = await q
    .select([
      'complaint_cases.complaint_id',
      ...CASE_COLUMNS,
      'complaints.number',
      'categories.id as category_id',
      'categories.code as category_code',
      'categories.name_zh as category_zh',
      'categories.name_en as category_en',
    ])
    .orderBy('complaint_cases.marked_at', 'desc')
    .orderBy('complaint_cases.complaint_id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => {
      const { title, summary, lessons, scripts, tags, markedBy, markedAt } = toCaseView(r);
      return {
        number: r.number,
        title,
        summary,
        lessons,
        scripts,
        tags,
        category: { id: r.category_id, code: r.category_code, nameZh: r.category_zh, nameEn: r.category_en },
        markedBy,
        markedAt,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.marked_at, last.complaint_id]) : null,
  };
}
