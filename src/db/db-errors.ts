/**
 * Which failures are the storage's, not the request's: the database cannot be reached or is busy
 * (worth retrying soon), or the disk is full. Everything else is a bug or a bad request.
 */
export type StorageFault = 'unavailable' | 'full';

/** PostgreSQL SQLSTATEs of a server that is going away, starting, unreachable or out of connections. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '53000']);
const PG_DISK_FULL = '53100';
const NET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** SQLite says SQLITE_IOERR_SHMSIZE when the disk has no room for its WAL index. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);
/** node-postgres reports a connection that died or timed out in words, without a code. */
const PG_DRIVER_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|terminating connection)/;

function classifyOne(error: { code?: unknown; message?: unknown }): StorageFault | null {
  const code = typeof error.code === 'string' ? error.code : '';
  if (DISK_FULL.has(code) || code === PG_DISK_FULL) return 'full';
  if (PG_UNAVAILABLE.has(code) || code.startsWith('08') || NET_UNAVAILABLE.has(code)) return 'unavailable';
  // better-sqlite3 reports SQLITE_BUSY once busy_timeout has run out.
  if (code.startsWith('SQLITE_BUSY')) return 'unavailable';
  if (typeof error.message === 'string' && PG_DRIVER_MESSAGES.test(error.message)) return 'unavailable';
  return null;
}

/** The storage fault behind an error (looking through `cause` and AggregateError), or null. */
export function storageFault(error: unknown): StorageFault | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const fault = classifyOne(e as { code?: unknown; message?: unknown });
    if (fault) return fault;
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}
