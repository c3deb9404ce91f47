import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from 'typebox';
import { dateKey, formatLocal } from '../../lib/time.js';
import { defineJob, enqueue, PermanentJobError } from '../jobs/index.js';
import { pruneArchives } from './archives.js';
import { archiveName, createBackup } from './create-backup.js';
import { backupDirectory, readBackupSettings } from './settings.js';

export const BACKUP_SCHEDULE_JOB = 'backup.schedule';
export const BACKUP_CREATE_JOB = 'backup.create';
/** How often the schedule is looked at: a backup starts at most this long after its time of day. */
export const BACKUP_SCHEDULE_EVERY_MS = 5 * 60_000;

/** Make one archive in the configured directory, then delete all but the newest `keep`. */
export const createBackupJob = defineJob({
  kind: BACKUP_CREATE_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    const { databaseUrl, dataDir, secret } = ctx.config;
    if (!databaseUrl) throw new PermanentJobError('the database URL is not known to this process');
    const settings = await readBackupSettings(ctx.db);
    const dir = backupDirectory(settings, dataDir);
    await mkdir(dir, { recursive: true });
    const now = ctx.clock.now();
    await createBackup({ databaseUrl, dataDir, secret, out: join(dir, archiveName(now)), now: () => now });
    await pruneArchives(dir, settings.keep);
  },
  maxAttempts: 3,
  timeoutMs: 60 * 60_000,
});

/**
 * The cron tick: once the day's time of backup has come (business time zone), queue that day's
 * backup under a key of its own, so that it is made once however many workers look.
 */
export const backupScheduleJob = defineJob({
  kind: BACKUP_SCHEDULE_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    const settings = await readBackupSettings(ctx.db);
    const now = ctx.clock.now();
    const { timeZone } = ctx.config;
    if (!settings.enabled || formatLocal(now, timeZone).slice(11) < settings.timeOfDay) return;
    await enqueue(ctx.db, createBackupJob, {}, { now, key: `backup:${dateKey(now, timeZone)}` });
  },
  maxAttempts: 2,
});
