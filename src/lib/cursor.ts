import { badRequest } from './errors.js';
import { isStorableText } from './storable.js';

/** Keyset cursor: the sort value and the id of the last item of a page. */
export type Cursor = [number | string | null, number];

/** What the list sorts by: a number (times, in ms) or text (names, priorities). */
export type SortKind = 'integer' | 'text';

/** Longer than any sort value Kesu writes into a cursor (names, priorities). */
const MAX_TEXT = 1000;

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const fits = (value: unknown, sort: SortKind) =>
  value === null ||
  (sort === 'integer'
    ? Number.isSafeInteger(value)
    : typeof value === 'string' && value.length <= MAX_TEXT && isStorableText(value));

/**
 * The cursor a client sent back, checked as if forged: two values, the sort value of the kind the
 * list sorts by and an id both databases can compare with; 400 `invalid_cursor` otherwise.
 */
export function decodeCursor(value: string, sort: SortKind): Cursor {
  try {
    const c: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(c) && c.length === 2 && Number.isSafeInteger(c[1]) && c[1] >= 0 && fits(c[0], sort))
      return c as Cursor;
  } catch {}
  throw badRequest('validation_failed', [{ path: '/cursor', source: 'querystring', code: 'invalid_cursor' }]);
}
