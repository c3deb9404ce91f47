import type { ActorContext } from '../context.js';
import { periodBounds, periodOf } from '../lib/periods.js';
import { appealJudgement } from '../modules/appeals/index.js';
import { createAction } from '../modules/corrective-actions/index.js';
import { drawSample } from '../modules/quality/index.js';
import { scheduleReturnVisit } from '../modules/return-visits/index.js';

interface Reviewers {
  agent: ActorContext;
  auditor: ActorContext;
  handler: ActorContext;
  manager: ActorContext;
  unitIds: Map<string, number>;
  userIds: Map<string, number>;
}

const DAY = 24 * 3600_000;

/**
 * What the managers' pages hold on the demo's first start, on top of the history: the return visits of
 * the last days' archived complaints (回访), last month's quality sample waiting to be scored (质检), a
 * handler's appeal of a recent judgement (申诉) and the service centre's own corrective action (整改),
 * each made by the module's own command.
 */
export async function seedDemoReviews({ agent, auditor, handler, manager, unitIds, userIds }: Reviewers) {
  const now = auditor.clock.now();
  const zone = auditor.config.timeZone;
  const month = periodOf(now, zone);
  const lastMonth = periodOf(periodBounds({ from: month, to: month }, zone).start - 1, zone);
  // The history writes its rows directly: the visits its archiving would have scheduled (45 days after,
  // 30 for a major complaint, by default), from the day before the first ones fall due; earlier ones
  // would have been called by now.
  await agent.db.transaction().execute(async (tx) => {
    const closed = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('status', '=', 'closed')
      .where('closed_at', '>', now - 46 * DAY)
      .where((w) => w.or([w('grade', '!=', 'major'), w('closed_at', '>', now - 31 * DAY)]))
      .execute();
    for (const c of closed) await scheduleReturnVisit(tx, agent, c, c.closed_at ?? now);
  });

  await drawSample(auditor, {
    period: lastMonth,
    handlerIds: [userIds.get('handler') ?? 0, userIds.get('handler2') ?? 0],
    method: 'random',
    perHandler: 3,
    seed: 2026,
  });

  // The newest judgement naming the handler, still inside the appeal window.
  const judged = await handler.db
    .selectFrom('complaints')
    .select('number')
    .where('responsible_user_id', '=', userIds.get('handler') ?? 0)
    .where('judged_at', '>', now - 5 * DAY)
    .orderBy('judged_at', 'desc')
    .executeTakeFirst();
  if (judged)
    await appealJudgement(handler, judged.number, {
      reason: '调查时未听取我的说明：当天已按规定联系客户并保留了通话记录，请复核责任认定。',
      evidence: '通话记录与派送轨迹可查。',
    });

  const repeats = await manager.db
    .selectFrom('complaints')
    .select('number')
    .where('unit_id', '=', unitIds.get('service') ?? 0)
    .where('repeat_complaint', '=', 1)
    .orderBy('id', 'desc')
    .limit(3)
    .execute();
  if (repeats.length)
    await createAction(manager, {
      kind: 'preventive',
      title: '客服中心重复投诉首问闭环',
      description: '同一客户因同一问题多次来电，坐席首次答复未给出明确处理时限。',
      rootCause: '坐席缺少首问负责的答复模板，工单转出后不再跟进。',
      plan: '推行首问负责制：首次答复必须告知处理时限，转出后由首问坐席跟进至结案；每周抽查重复投诉。',
      unitId: unitIds.get('service') ?? 0,
      ownerId: userIds.get('supervisor') ?? 0,
      dueAt: new Date(now + 21 * DAY).toISOString(),
      complaintNumbers: repeats.map((r) => r.number),
    });
}
