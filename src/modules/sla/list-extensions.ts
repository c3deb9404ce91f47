import type { ActorContext } from '../../context.js';
import { seesAll } from '../../domain/actor.js';
import { visibleComplaintId, visibleTo } from '../complaints/index.js';
import { extensionRows, extensionView } from './extension-queries.js';
import type { ExtensionsView } from './extension-schemas.js';
import { extensionSettings } from './extension-settings.js';
import { mayDecideExtension } from './extensions.js';

/** How many pending requests the superiors' list shows, oldest first. */
const LIMIT = 200;

/** 延期 of one complaint the actor may see, with how many working days are approved and allowed. */
export async function listExtensions(ctx: ActorContext, number: string): Promise<ExtensionsView> {
  const complaintId = await visibleComplaintId(ctx, number);
  const [rows, { maxDays }] = await Promise.all([
    extensionRows(ctx.db).where('e.complaint_id', '=', complaintId).orderBy('e.id', 'desc').execute(),
    extensionSettings(ctx.db),
  ]);
  const approvedDays = rows.filter((r) => r.status === 'approved').reduce((sum, r) => sum + r.days, 0);
  return { items: rows.map(extensionView), approvedDays, maxDays };
}

/** 待审批延期: the requests waiting for a superior, on the complaints they may see. */
export async function pendingExtensions(ctx: ActorContext) {
  if (!mayDecideExtension(ctx.actor)) return { items: [] };
  let q = extensionRows(ctx.db).where('e.status', '=', 'pending');
  if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx));
  const rows = await q.orderBy('e.requested_at').orderBy('e.id').limit(LIMIT).execute();
  return { items: rows.map(extensionView) };
}
