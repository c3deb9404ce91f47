import type { Db } from '../../db/database.js';
import { insertJob } from './enqueue.js';
import type { CronEntry, JobRegistry } from './registry.js';

/** The slot `now` falls in: the latest multiple of `everyMs` not after it. */
export const cronSlot = (entry: Pick<CronEntry, 'everyMs'>, now: number) =>
  Math.floor(now / entry.everyMs) * entry.everyMs;

export const cronKey = (entry: Pick<CronEntry, 'name'>, slot: number) => `cron:${entry.name}:${slot}`;

/**
 * Enqueue each cron entry's current slot, keyed `cron:<name>:<slot>`: the key is unique, so however
 * many processes call this, a slot is enqueued (and run) once. Missed slots are not caught up: a
 * periodic job should do whatever is due as of now. `seen` (kept by a worker between calls) skips
 * the insert for slots this process has already enqueued. Returns how many jobs were added.
 */
export async function scheduleDueCron(
  db: Db,
  registry: JobRegistry,
  now: number,
  seen?: Map<string, number>,
): Promise<number> {
  let added = 0;
  for (const entry of registry.cronEntries()) {
    const slot = cronSlot(entry, now);
    if (seen?.get(entry.name) === slot) continue;
    const job = await insertJob(
      db,
      {
        kind: entry.kind,
        payload: entry.payload,
        runAt: slot,
        key: cronKey(entry, slot),
        maxAttempts: registry.get(entry.kind)?.maxAttempts,
      },
      now,
    );
    if (job) added++;
    seen?.set(entry.name, slot);
  }
  return added;
}
