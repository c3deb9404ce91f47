import { sql } from 'kysely';
import type { Db } from './database.js';
import { storageFault } from './db-errors.js';

export interface WaitOptions {
  /** Give up after this long (KESU_DB_WAIT_SECONDS). */
  seconds: number;
  log?: (line: string) => void;
  /** Longest pause between two attempts (default 5 s). */
  maxPauseMs?: number;
}

const describe = (error: unknown) =>
  error instanceof Error
    ? `${(error as { code?: string }).code ?? error.name}: ${error.message}`
    : String(error);

/**
 * At start-up the database may still be coming up (a container started beside it, a restart):
 * try a trivial query until it answers, pausing longer each time, and give up with a clear message
 * after `seconds`. Errors that waiting cannot cure (wrong password, no such database) fail at once.
 */
export async function waitForDatabase(db: Db, options: WaitOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const deadline = Date.now() + options.seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      if (attempt > 1) log(`kesu: the database answers (attempt ${attempt})`);
      return;
    } catch (error) {
      if (storageFault(error) !== 'unavailable') throw error;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `the database did not answer within ${options.seconds} s (${describe(error)}); ` +
            'check that it is running and that DATABASE_URL points at it (KESU_DB_WAIT_SECONDS sets how long to wait)',
        );
      const pause = Math.min(500 * 2 ** (attempt - 1), options.maxPauseMs ?? 5000, left);
      log(`kesu: waiting for the database (attempt ${attempt}, ${describe(error)}); next try in ${pause} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
