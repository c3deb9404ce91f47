import { badRequest } from './errors.js';

/** Keyset cursor: the sort value and the id of the last item of a page. */
export type Cursor = [number | string | null, number];

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(value: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(c) && c.length === 2 && Number.isInteger(c[1])) return c as Cursor;
  } catch {}
  throw badRequest('validation_failed', [{ path: '/cursor', source: 'querystring', code: 'invalid_cursor' }]);
}
