import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import {
  ACTION_REMINDERS_EVERY_MS,
  ACTION_REMINDERS_JOB,
  actionRemindersJob,
} from '../../src/modules/corrective-actions/index.js';
import { createJobRegistry, runDueJobs, scheduleDueCron } from '../../src/modules/jobs/index.js';
import { type Client, tokenClient } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { actionBody, DAY, registerAt, shanghai } from './support.js';

for (const dialect of DIALECTS) {
  describe(`reminders and overdue escalation of corrective actions on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let executive: Client;
    let handler: Client;
    let supervisor: Client;
    const clock = fixedClock(shanghai('2026-05-11T09:00:00'));
    // The cron entry as Kesu's timetable has it, with only this job to run.
    const entry = kesuJobs()
      .cronEntries()
      .find((e) => e.kind === ACTION_REMINDERS_JOB);
    const registry = createJobRegistry().register(actionRemindersJob).registerCron({
      name: 'corrective-action-reminders',
      everyMs: ACTION_REMINDERS_EVERY_MS,
      kind: ACTION_REMINDERS_JOB,
    });
    const cronAt = async (ms: number) => {
      clock.set(ms);
      await scheduleDueCron(t.app.db, registry, ms);
      await runDueJobs(t.app, registry);
    };
    const inbox = async (as: Client) =>
      (await as.ok('GET', '/api/v1/inbox')).items.filter((i: { event?: string; title: string }) =>
        i.title.includes('整改'),
      );

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      [manager, executive, handler, supervisor] = await Promise.all([
        tokenClient(t, 'manager'),
        tokenClient(t, 'executive'),
        tokenClient(t, 'handler'),
        tokenClient(t, 'supervisor'),
      ]);
    });
    afterAll(() => t?.close());

    it('reminds the owner before the due date and escalates to the supervisor once it is overdue, once each', async () => {
      expect(entry?.everyMs).toBe(ACTION_REMINDERS_EVERY_MS);
      const number = await registerAt(t, manager, 'pudong', 'delay.transit');
      const due = clock.now() + 5 * DAY;
      const { id } = await executive.ok('POST', '/api/v1/corrective-actions', actionBody(t, [number], due));
      const url = `/api/v1/corrective-actions/${id}`;

      await cronAt(clock.now() + 3600_000);
      expect(await inbox(handler)).toHaveLength(0);

      // Two days before: the owner is reminded, once however often the job runs.
      await cronAt(due - 2 * DAY + 60_000);
      await cronAt(due - DAY);
      const reminded = await inbox(handler);
      expect(reminded).toHaveLength(1);
      expect(reminded[0].title).toContain(`整改 #${id}`);
      expect(await inbox(supervisor)).toHaveLength(0);

      // Overdue: the owner's nearest supervisor (and the owner) are told, once.
      await cronAt(due + 10 * 60_000);
      await cronAt(due + DAY);
      const escalated = await inbox(supervisor);
      expect(escalated).toHaveLength(1);
      expect(escalated[0].title).toContain('已逾期');
      expect(escalated[0].body).toContain('刘处理');
      expect(await inbox(handler)).toHaveLength(2);
      const history = (await executive.ok('GET', url)).history.map((e: { kind: string }) => e.kind);
      expect(history).toEqual(['opened', 'due_reminder_sent', 'overdue_escalated']);
      expect((await executive.ok('GET', url)).overdue).toBe(true);

      // A new due date starts the clock again; an action done in time is left alone.
      const later = clock.now() + 4 * DAY;
      await executive.ok('PUT', `${url}/due`, { dueAt: new Date(later).toISOString(), reason: '供应商延迟' });
      await handler.ok('POST', `${url}/progress`, { note: '设备已下单' });
      await handler.ok('POST', `${url}/done`, { note: '设备已安装' });
      await cronAt(later + DAY);
      expect(await inbox(handler)).toHaveLength(2);
      expect(await inbox(supervisor)).toHaveLength(1);
      // The action's stream and the complaint's, written by requests and by the job, are intact.
      expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
    });
  });
}
