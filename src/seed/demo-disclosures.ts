import type { ActorContext } from '../context.js';
import { periodBounds, periodOf } from '../lib/periods.js';
import { prepareDisclosure, setPublished } from '../modules/disclosure/index.js';

/**
 * 公示 on the demo's first start: the month before last published (what the public page shows) and
 * last month prepared as a draft waiting for the admin's 发布, each with the figures the console
 * offers by default and three valid judgements of the month, drafted without personal data.
 */
export async function seedDemoDisclosures(admin: ActorContext): Promise<void> {
  const zone = admin.config.timeZone;
  const bounds = (period: string) => periodBounds({ from: period, to: period }, zone);
  const before = (period: string) => periodOf(bounds(period).start - 1, zone);
  const lastMonth = before(periodOf(admin.clock.now(), zone));
  const monthBefore = before(lastMonth);
  for (const period of [monthBefore, lastMonth]) {
    const { start, end } = bounds(period);
    const judged = await admin.db
      .selectFrom('complaints')
      .select('number')
      .where('validity', '=', 'valid')
      .where('closed_at', '>=', start)
      .where('closed_at', '<', end)
      .orderBy('closed_at')
      .limit(3)
      .execute();
    await prepareDisclosure(admin, period, {
      figures: ['received', 'byCategory1', 'resolutionRate', 'onTimeRate', 'satisfaction'],
      complaintNumbers: judged.map((c) => c.number),
    });
  }
  await setPublished(admin, monthBefore, true);
}
