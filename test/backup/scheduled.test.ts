import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import {
  BACKUP_SCHEDULE_EVERY_MS,
  BACKUP_SCHEDULE_JOB,
  backupScheduleJob,
  createBackupJob,
} from '../../src/modules/backup/index.js';
import { createJobRegistry, runDueJobs, scheduleDueCron } from '../../src/modules/jobs/index.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { readManifest } from './support.js';

/** 2026-12-01 00:00 in Asia/Shanghai. */
const DAY1 = Date.UTC(2026, 10, 30, 16, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const registry = createJobRegistry()
  .register(backupScheduleJob)
  .register(createBackupJob)
  .registerCron({ name: 'backup-schedule', everyMs: BACKUP_SCHEDULE_EVERY_MS, kind: BACKUP_SCHEDULE_JOB });

for (const dialect of DIALECTS)
  describe(`scheduled backups (定时备份) on ${dialect}`, () => {
    const clock = fixedClock(DAY1);
    const dir = mkdtempSync(join(tmpdir(), 'kesu-backups-'));
    let t: TestApp;
    let admin: Client;
    let worker: AppContext;
    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      admin = await login(t.http, 'admin');
      worker = { ...t.app, config: { ...t.app.config, databaseUrl: t.url } };
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** What `kesu worker` does at `at`: queue the due cron slots, run what is due. */
    const tick = async (at: number) => {
      clock.set(at);
      await scheduleDueCron(t.app.db, registry, at);
      await runDueJobs(worker, registry);
    };
    const archives = async () => (await readdir(dir)).filter((f) => f.endsWith('.tar.gz')).sort();

    it('is a recurring job of every worker', () => {
      expect(
        kesuJobs()
          .cronEntries()
          .map((e) => e.kind),
      ).toContain(BACKUP_SCHEDULE_JOB);
    });

    it('is set by an admin only, with an absolute directory', async () => {
      const agent = await login(t.http, 'agent');
      expect((await agent.get('/api/v1/settings/backup')).status).toBe(403);
      expect((await agent.get('/api/v1/backups')).status).toBe(403);
      expect(
        (
          await agent.put('/api/v1/settings/backup', {
            enabled: true,
            timeOfDay: '02:30',
            directory: dir,
            keep: 2,
          })
        ).status,
      ).toBe(403);
      expect(await admin.ok('GET', '/api/v1/settings/backup')).toEqual({
        enabled: false,
        timeOfDay: '02:30',
        directory: '',
        keep: 7,
      });
      const relative = await admin.put('/api/v1/settings/backup', {
        enabled: true,
        timeOfDay: '02:30',
        directory: 'backups',
        keep: 2,
      });
      expect(relative.status).toBe(400);
      expect(JSON.stringify(relative.body)).toContain('/body/directory');
      const late = await admin.put('/api/v1/settings/backup', {
        enabled: true,
        timeOfDay: '24:00',
        directory: dir,
        keep: 2,
      });
      expect(late.status).toBe(400);
      // Nothing is made while it is off.
      await tick(DAY1 + 3 * HOUR);
      expect(await archives()).toEqual([]);
    });

    it('makes one archive a day after its time, keeps the newest N and lists them', async () => {
      await admin.ok('PUT', '/api/v1/settings/backup', {
        enabled: true,
        timeOfDay: '02:30',
        directory: dir,
        keep: 2,
      });
      writeFileSync(join(dir, 'notes.txt'), 'not an archive: never pruned');
      // The next day: 02:00 is before the time of day, 04:00 after it, 05:00 finds that day's archive made.
      await tick(DAY1 + DAY + 2 * HOUR);
      expect(await archives()).toEqual([]);
      await tick(DAY1 + DAY + 4 * HOUR);
      await tick(DAY1 + DAY + 5 * HOUR);
      expect(await archives()).toEqual(['kesu-backup-20261201-200000.tar.gz']);
      const manifest = await readManifest(join(dir, 'kesu-backup-20261201-200000.tar.gz'));
      expect(manifest).toMatchObject({ dialect, rows: { users: 8 } });

      await tick(DAY1 + 2 * DAY + 3 * HOUR);
      await tick(DAY1 + 3 * DAY + 3 * HOUR);
      expect(await archives()).toEqual([
        'kesu-backup-20261202-190000.tar.gz',
        'kesu-backup-20261203-190000.tar.gz',
      ]);
      expect(await readdir(dir)).toContain('notes.txt');

      // Days later by the test's clock: the morning's session has expired.
      admin = await login(t.http, 'admin');
      const listed = await admin.ok('GET', '/api/v1/backups');
      expect(listed.directory).toBe(dir);
      expect(listed.items.map((i: { file: string }) => i.file)).toEqual([
        'kesu-backup-20261203-190000.tar.gz',
        'kesu-backup-20261202-190000.tar.gz',
      ]);
      expect(listed.items[0].size).toBeGreaterThan(0);
    });
  });
