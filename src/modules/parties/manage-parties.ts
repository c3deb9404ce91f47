import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin, unitById } from '../org/index.js';
import type { PartyInput, PartyPatchInput } from './schemas.js';

export const PARTY_STREAM = 'party';

async function assertFree(tx: Tx, code: string, id: number | null) {
  const taken = await tx
    .selectFrom('external_parties')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (taken && taken.id !== id) throw conflict('party_code_taken', { code }, '/code');
}

async function assertUnit(tx: Tx, unitId: number | null | undefined) {
  if (unitId === undefined || unitId === null) return;
  if (!(await unitById(tx, unitId))?.active)
    throw badRequest('validation_failed', [{ path: '/unitId', code: 'unknown_unit' }]);
}

/** 外部责任方: an admin records a partner station, courier contractor or supplier (code unique → 409). */
export async function createParty(ctx: ActorContext, input: PartyInput): Promise<number> {
  requireAdmin(ctx.actor);
  return ctx.db.transaction().execute(async (tx) => {
    await assertUnit(tx, input.unitId);
    await assertFree(tx, input.code, null);
    const now = ctx.clock.now();
    const { id } = await tx
      .insertInto('external_parties')
      .values({
        kind: input.kind,
        code: input.code,
        name: input.name,
        unit_id: input.unitId ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(tx, {
      streamType: PARTY_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'party_created',
      data: { ...input },
      newStream: true,
    });
    return id;
  });
}

/** Edit or deactivate a party; the judgements naming it keep the link (and the history its name). */
export async function updateParty(ctx: ActorContext, id: number, input: PartyPatchInput): Promise<void> {
  requireAdmin(ctx.actor);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('external_parties')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('party_not_found', { id });
    await assertUnit(tx, input.unitId);
    if (input.code !== undefined) await assertFree(tx, input.code, id);
    const set = {
      kind: input.kind,
      code: input.code,
      name: input.name,
      unit_id: input.unitId,
      active: input.active === undefined ? undefined : input.active ? (1 as const) : (0 as const),
    };
    await tx.updateTable('external_parties').set(set).where('id', '=', id).execute();
    const changes = Object.fromEntries(
      Object.entries(set)
        .filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
    );
    await appendEvent(tx, {
      streamType: PARTY_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
      kind: 'party_updated',
      data: { changes },
    });
  });
}
