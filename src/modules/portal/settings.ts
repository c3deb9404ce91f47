import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';
import { requireAdmin } from '../org/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

/** `portal` setting: how much the public, unauthenticated portal accepts from one address. */
export interface PortalSettings {
  /** Complaints one IP address may submit per minute. */
  submissionsPerMinute: number;
  /** Requests one IP address may make per minute to each tracking route (codes, sessions, the customer's actions). */
  trackingPerMinute: number;
  /** SMS codes one complaint may be sent per day (each SMS costs money and reaches a real phone). */
  codesPerDay: number;
  /**
   * The unit web-form complaints are filed at (usually the customer service centre), so that its
   * staff see them and the dispatch rules route from there; null files them at the company.
   */
  intakeUnitId: number | null;
}

export const PORTAL_SETTING = 'portal';

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  submissionsPerMinute: 5,
  trackingPerMinute: 20,
  codesPerDay: 10,
  intakeUnitId: null,
};

/** The stored settings over the defaults, so that a setting added later has its default. */
export async function readPortalSettings(db: Db | Tx): Promise<PortalSettings> {
  return { ...DEFAULT_PORTAL_SETTINGS, ...(await readSetting(db, PORTAL_SETTING, DEFAULT_PORTAL_SETTINGS)) };
}

/** The admin changes the portal settings; the intake unit must be an active unit. */
export async function savePortalSettings(ctx: ActorContext, input: PortalSettings): Promise<PortalSettings> {
  requireAdmin(ctx.actor);
  if (input.intakeUnitId !== null) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('active')
      .where('id', '=', input.intakeUnitId)
      .executeTakeFirst();
    if (!unit?.active)
      throw badRequest('validation_failed', [{ path: '/intakeUnitId', code: 'unknown_unit' }]);
  }
  return writeSetting(ctx, PORTAL_SETTING, input, DEFAULT_PORTAL_SETTINGS);
}

/** The unit the portal files complaints at: the configured intake unit while it is active. */
export async function portalIntakeUnit(db: Db | Tx): Promise<{ id: number; path: string } | null> {
  const { intakeUnitId } = await readPortalSettings(db);
  if (intakeUnitId === null) return null;
  const unit = await db
    .selectFrom('units')
    .select(['id', 'path', 'active'])
    .where('id', '=', intakeUnitId)
    .executeTakeFirst();
  return unit?.active ? { id: unit.id, path: unit.path } : null;
}
