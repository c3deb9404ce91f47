import { describe, expect, it } from 'vitest';
import { storageFault } from './db-errors.js';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('storage faults behind driver errors', () => {
  it('knows a PostgreSQL server that is restarting, down, unreachable or out of connections', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300', 'ECONNREFUSED', 'ECONNRESET'])
      expect(storageFault(coded(code)), code).toBe('unavailable');
    expect(storageFault(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(storageFault(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    // Node reports a refused connection to every address of a host name as an AggregateError.
    expect(storageFault(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(
      'unavailable',
    );
    expect(storageFault(new Error('insert failed', { cause: coded('57P01') }))).toBe('unavailable');
  });

  it('knows SQLite busy beyond its timeout, and a full disk on either database or for files', () => {
    expect(storageFault(coded('SQLITE_BUSY'))).toBe('unavailable');
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', '53100', 'ENOSPC', 'EDQUOT'])
      expect(storageFault(coded(code)), code).toBe('full');
  });

  it('leaves the request’s own errors alone (they are answered 4xx, or 500 as bugs)', () => {
    for (const error of [
      coded('23505', 'duplicate key value violates unique constraint'),
      coded('22P02', 'invalid input syntax for type bigint'),
      coded('SQLITE_CONSTRAINT_UNIQUE'),
      coded('ENOENT'),
      new TypeError('x is undefined'),
      'a string',
      null,
    ])
      expect(storageFault(error)).toBeNull();
  });
});
