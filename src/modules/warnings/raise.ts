import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { appendEvent } from '../audit/index.js';
import { nearestWithRole, queueNotices } from '../notify/index.js';
import { warningNoticeVars } from './notice-text.js';
import { LIVE, MAX_COMPLAINTS, type ScopeKind, WARNING_STREAM, type WarningKind } from './rules.js';
import { scopeNames } from './scope-names.js';

/** What a detector found: the warning it asks for. */
export interface WarningCandidate {
  kind: WarningKind;
  scope: { kind: ScopeKind; key: string; label: string };
  /** The unit that sees it and whose supervisor is told; the organisation's root when omitted. */
  unitId?: number;
  figures: Record<string, unknown>;
  complaintIds: readonly number[];
  /** How many of the events looked at brought it up (default 1): a live warning's count goes up by as many. */
  triggers?: number;
}

export interface Raised {
  id: number;
  /** false: an open warning of this kind and scope got the new figures. */
  created: boolean;
}

type Ctx = Pick<AppContext, 'clock' | 'config'>;

async function unitOf(tx: Tx, unitId: number | undefined) {
  const q = tx.selectFrom('units').select(['id', 'path', 'name', 'name_en']);
  const unit = await (unitId === undefined
    ? q.where('parent_id', 'is', null).orderBy('id')
    : q.where('id', '=', unitId)
  ).executeTakeFirstOrThrow();
  return unit;
}

const merged = (old: readonly number[], add: readonly number[]) =>
  [...new Set([...add, ...old])].sort((a, b) => b - a).slice(0, MAX_COMPLAINTS);

/**
 * 预警: raise a warning, or — when one of the same kind and scope is not yet resolved — give it the
 * new figures and complaints (one live warning per kind and scope, kept by a partial unique index).
 * A new warning is told to the scope unit's nearest supervisor and the configured robots through the
 * outbox; every raise and update is on the warning's own history. In the caller's transaction.
 */
export async function raiseWarning(tx: Tx, ctx: Ctx, c: WarningCandidate): Promise<Raised> {
  const now = ctx.clock.now();
  const live = await tx
    .selectFrom('warnings')
    .select(['id', 'complaint_ids', 'triggers'])
    .where('kind', '=', c.kind)
    .where('scope_kind', '=', c.scope.kind)
    .where('scope_key', '=', c.scope.key)
    .where('status', 'in', LIVE)
    .forUpdate()
    .executeTakeFirst();
  const figures = JSON.stringify(c.figures);
  if (live) {
    const ids = merged(JSON.parse(live.complaint_ids) as number[], c.complaintIds);
    await tx
      .updateTable('warnings')
      .set({
        figures,
        complaint_ids: JSON.stringify(ids),
        triggers: live.triggers + (c.triggers ?? 1),
        updated_at: now,
      })
      .where('id', '=', live.id)
      .execute();
    await appendEvent(tx, {
      streamType: WARNING_STREAM,
      streamId: live.id,
      actorId: null,
      at: now,
      kind: 'triggered_again',
      data: { figures: c.figures, complaints: c.complaintIds.length },
    });
    return { id: live.id, created: false };
  }
  const unit = await unitOf(tx, c.unitId);
  const row = await tx
    .insertInto('warnings')
    .values({
      kind: c.kind,
      scope_kind: c.scope.kind,
      scope_key: c.scope.key,
      scope_label: c.scope.label,
      unit_id: unit.id,
      unit_path: unit.path,
      status: 'open',
      owner_id: null,
      figures,
      complaint_ids: JSON.stringify(merged([], c.complaintIds)),
      triggers: c.triggers ?? 1,
      action_id: null,
      raised_at: now,
      updated_at: now,
      resolved_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendEvent(tx, {
    streamType: WARNING_STREAM,
    streamId: row.id,
    actorId: null,
    at: now,
    kind: 'raised',
    data: { kind: c.kind, scope: c.scope, unitId: unit.id, figures: c.figures },
    newStream: true,
  });
  const supervisors = await nearestWithRole(tx, unit.path, 'supervisor');
  const scope = await scopeNames(tx, c.scope);
  await queueNotices(
    tx,
    [
      {
        event: 'warning_raised',
        complaintId: null,
        vars: {
          warning_id: row.id,
          scope: scope.zh,
          scope_en: scope.en,
          unit: unit.name,
          unit_en: unit.name_en || unit.name,
          ...warningNoticeVars(c.kind, c.figures),
        },
        targets: [...supervisors.map((userId) => ({ userId })), { robots: true as const }],
      },
    ],
    now,
  );
  return { id: row.id, created: true };
}
