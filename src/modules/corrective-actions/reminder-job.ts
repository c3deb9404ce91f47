import { Type } from 'typebox';
import { defineJob } from '../jobs/index.js';
import { sweepActionReminders } from './sweep-reminders.js';

export const ACTION_REMINDERS_JOB = 'corrective-actions.reminders';
/** Due dates are days apart: a sweep every five minutes is timely enough. */
export const ACTION_REMINDERS_EVERY_MS = 5 * 60_000;

export const actionRemindersJob = defineJob({
  kind: ACTION_REMINDERS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    await sweepActionReminders(ctx);
  },
  // A missed sweep is made up by the next slot.
  maxAttempts: 2,
});
