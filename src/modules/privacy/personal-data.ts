import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import { ROLES } from '../../domain/roles.js';
import { forbidden } from '../../lib/errors.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { appendEvent } from '../audit/index.js';
import { readSetting } from '../settings/index.js';
import { mask, openOrNull, type PiiKind, piiKeys } from './pii.js';
import type { PrivacySettings } from './schemas.js';

export type { PrivacySettings };

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  personalDataRoles: ['supervisor', 'manager', 'executive'],
};

export const PRIVACY_SETTING = 'privacy';

export async function readPrivacySettings(db: Db | Tx, cache?: TxCache): Promise<PrivacySettings> {
  const stored = await readSetting<PrivacySettings>(db, PRIVACY_SETTING, DEFAULT_PRIVACY_SETTINGS, cache);
  return { personalDataRoles: stored.personalDataRoles.filter((r) => ROLES.includes(r)) };
}

/** May this actor see personal data unmasked? A customer sees their own complaint's data masked too. */
export async function maySeePersonalData(db: Db | Tx, actor: Actor): Promise<boolean> {
  if (actor.customerOf !== undefined) return false;
  const { personalDataRoles } = await readPrivacySettings(db);
  return actor.roles.some((r) => personalDataRoles.includes(r));
}

/**
 * Personal data is shown masked unless the caller asks to reveal it (the console's "show" button);
 * asking without the permission is refused, so that a reveal is always a deliberate, recorded act.
 */
export async function requireReveal(
  db: Db | Tx,
  actor: Actor,
  reveal: boolean | undefined,
): Promise<boolean> {
  if (!reveal) return false;
  if (!(await maySeePersonalData(db, actor))) throw forbidden('personal_data_forbidden');
  return true;
}

/** How a sealed contact is shown: opened for those who may see it, masked for everyone else. */
export function shownContact(
  secret: Buffer,
  kind: PiiKind,
  sealed: string | null,
  reveal: boolean,
): string | null {
  const value = openOrNull(piiKeys(secret), sealed);
  if (value === null) return null;
  return reveal ? value : mask(kind, value);
}

/**
 * Record in a stream's history that `fields` were shown unmasked to the actor. Called in the same
 * request that shows them, so that no unmasked view goes unrecorded.
 */
export async function recordPersonalDataView(
  db: Db,
  ctx: ActorContext,
  stream: { type: string; id: number },
  fields: string[],
): Promise<void> {
  await db.transaction().execute((tx) =>
    appendEvent(tx, {
      streamType: stream.type,
      streamId: stream.id,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
      kind: 'personal_data_viewed',
      data: { fields },
    }),
  );
}
