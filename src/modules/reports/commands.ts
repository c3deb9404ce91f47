import type { ActorContext } from '../../context.js';
import { badRequest } from '../../lib/errors.js';
import { dayCount, isRealDay } from '../stats/index.js';
import { reportScope } from './access.js';
import { queueReport } from './schedule.js';
import type { RecipientsInput, ReportRequestInput } from './schemas.js';

const MAX_DAYS = 366 * 3;

function checkPeriod(input: ReportRequestInput) {
  const errors = [
    ...(isRealDay(input.from) ? [] : [{ path: '/from', code: 'bad_day' }]),
    ...(isRealDay(input.to) ? [] : [{ path: '/to', code: 'bad_day' }]),
  ];
  if (!errors.length && input.to < input.from) errors.push({ path: '/to', code: 'before_from' });
  if (!errors.length && dayCount(input) > MAX_DAYS) errors.push({ path: '/to', code: 'range_too_long' });
  if (errors.length) throw badRequest('validation_failed', errors);
}

/** 生成报表 on demand: a queued report and its job (202); the job makes the files. */
export async function requestReport(ctx: ActorContext, input: ReportRequestInput): Promise<{ id: number }> {
  checkPeriod(input);
  const unit = await reportScope(ctx, input.unitId);
  const id = await queueReport(
    ctx.db,
    {
      kind: 'on_demand',
      from: input.from,
      to: input.to,
      unitId: unit.id,
      unitPath: unit.path,
      locale: input.locale ?? 'zh-CN',
      requestedBy: ctx.actor.userId,
      scheduleKey: null,
    },
    ctx.clock.now(),
  );
  if (id === null) throw new Error('an on-demand report has no schedule key to collide on');
  return { id };
}

/** 报表接收人: replace the whole list. Each row names a user (who has an e-mail) or an address, not both. */
export async function setRecipients(ctx: ActorContext, input: RecipientsInput): Promise<void> {
  const unitIds = [...new Set(input.items.map((r) => r.unitId))];
  const userIds = [...new Set(input.items.flatMap((r) => (r.userId === undefined ? [] : [r.userId])))];
  const units = new Set(
    unitIds.length
      ? (await ctx.db.selectFrom('units').select('id').where('id', 'in', unitIds).execute()).map((u) => u.id)
      : [],
  );
  const users = new Map(
    userIds.length
      ? (
          await ctx.db
            .selectFrom('users')
            .select(['id', 'email', 'active'])
            .where('id', 'in', userIds)
            .execute()
        ).map((u) => [u.id, u])
      : [],
  );
  const errors: Array<{ path: string; code: string }> = [];
  input.items.forEach((r, i) => {
    if (!units.has(r.unitId)) errors.push({ path: `/items/${i}/unitId`, code: 'unit_not_found' });
    if ((r.userId === undefined) === (r.email === undefined))
      errors.push({ path: `/items/${i}`, code: 'user_or_email' });
    else if (r.userId !== undefined) {
      const u = users.get(r.userId);
      if (!u?.active) errors.push({ path: `/items/${i}/userId`, code: 'user_not_found' });
      else if (!u.email) errors.push({ path: `/items/${i}/userId`, code: 'user_without_email' });
    }
  });
  if (errors.length) throw badRequest('validation_failed', errors);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('report_recipients').execute();
    if (input.items.length)
      await tx
        .insertInto('report_recipients')
        .values(
          input.items.map((r) => ({
            unit_id: r.unitId,
            user_id: r.userId ?? null,
            email: r.email ?? null,
            locale: r.locale,
          })),
        )
        .execute();
  });
}
