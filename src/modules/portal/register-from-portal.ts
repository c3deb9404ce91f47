import type { AppContext } from '../../context.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { registerComplaint } from '../complaints/index.js';
import { trackUrl } from '../notify/index.js';
import { systemActor } from '../org/index.js';
import type { PortalRegisterInput } from './schemas.js';
import { newTrackingToken, trackingTokenHash } from './secrets.js';
import { portalIntakeUnit } from './settings.js';

/** Categories a customer picks from on the form: the first two levels. */
export const PORTAL_CATEGORY_LEVELS = 2;
const TITLE_LENGTH = 30;

export type PortalReceipt =
  | { registered: true; number: string; trackingToken: string; trackUrl: string }
  /** The honeypot was filled: nothing was stored and no number is given. */
  | { registered: false };

/** A title from the customer's own words when they gave none: the first line, cut at 30 characters. */
export function titleFromContent(content: string): string {
  const firstLine = content.trim().split(/\r?\n/)[0] ?? '';
  const chars = Array.from(firstLine.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return '—';
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH - 1).join('')}…` : chars.join('');
}

/**
 * 网上投诉: a complaint from the public web form, registered by the portal's system user on the
 * `web` channel. The customer gets the number and a tracking token, shown once; only the token's
 * hash is kept. A filled honeypot field means a robot: the submission is dropped unstored.
 */
export async function registerFromPortal(
  app: AppContext,
  input: PortalRegisterInput,
): Promise<PortalReceipt> {
  if (input.website?.trim()) return { registered: false };
  const problems: FieldProblem[] = [];
  if (!input.phone && !input.email) problems.push({ path: '/phone', code: 'contact_required' });
  const category = await app.db
    .selectFrom('categories')
    .select(['level', 'active'])
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  if (!category?.active || category.level > PORTAL_CATEGORY_LEVELS)
    problems.push({ path: '/categoryId', code: 'unknown_category' });
  if (problems.length) throw badRequest('validation_failed', problems);

  const token = newTrackingToken();
  const portal = await systemActor(app.db, 'portal');
  const unit = await portalIntakeUnit(app.db);
  // Filed at the intake unit as if an agent there had registered it; the dispatch rules route it on.
  const actor = unit ? { ...portal, unitId: unit.id, unitPath: unit.path } : portal;
  const { number } = await registerComplaint(
    { ...app, actor },
    {
      channel: 'web',
      complainant: {
        name: input.name,
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
      },
      title: input.title ?? titleFromContent(input.content),
      content: input.content,
      categoryId: input.categoryId,
      ...(input.waybillNo ? { waybillNo: input.waybillNo } : {}),
      ...(input.orderNo ? { orderNo: input.orderNo } : {}),
      ...(input.demands ? { demands: input.demands } : {}),
      ...(input.demandAmount !== undefined ? { demandAmount: input.demandAmount } : {}),
    },
    // The customer's coarse choice, refined by the classifier when it is sure of a finer category in it.
    { trackingTokenHash: trackingTokenHash(app.config.secret, token), categoryGivesWay: 'branch' },
  );
  return {
    registered: true,
    number,
    trackingToken: token,
    trackUrl: trackUrl(app, number, input.locale ?? 'zh-CN'),
  };
}
