import type { ActorContext } from '../../context.js';
import { subtreeEnd } from '../../domain/actor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import { unitById } from '../org/index.js';
import type { PartyListInput, PartyView, PeopleLookupInput } from './schemas.js';

const PAGE = 100;
const PICKER = 20;
/** A LIKE pattern for part of a name or code; wildcards typed by the user are dropped (both dialects escape differently). */
const like = (q: string) => `%${q.replace(/[\\%_]/g, '')}%`;

const partyRows = (ctx: ActorContext) =>
  ctx.db
    .selectFrom('external_parties as p')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.kind',
      'p.code',
      'p.name',
      'p.unit_id',
      'u.name as unit_name',
      'p.active',
      'p.created_at',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof partyRows>['execute']>>[number];

const partyView = (r: Row): PartyView => ({
  id: r.id,
  kind: r.kind as PartyView['kind'],
  code: r.code,
  name: r.name,
  unit: r.unit_id === null ? null : { id: r.unit_id, name: r.unit_name ?? '' },
  active: r.active === 1,
  createdAt: new Date(r.created_at).toISOString(),
});

/** External parties by id, searchable by name or code; the inactive ones on request. */
export async function listParties(ctx: ActorContext, input: PartyListInput) {
  let q = partyRows(ctx);
  if (!input.includeInactive) q = q.where('p.active', '=', 1);
  if (input.q) {
    const pattern = like(input.q);
    q = q.where((eb) => eb.or([eb('p.name', 'like', pattern), eb('p.code', 'like', pattern)]));
  }
  if (input.cursor) q = q.where('p.id', '>', decodeCursor(input.cursor, 'integer')[1]);
  const rows = await q
    .orderBy('p.id')
    .limit(PAGE + 1)
    .execute();
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    items: page.map(partyView),
    nextCursor: rows.length > PAGE && last ? encodeCursor([last.id, last.id]) : null,
  };
}

export async function getParty(ctx: ActorContext, id: number): Promise<PartyView> {
  const row = await partyRows(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('party_not_found', { id });
  return partyView(row);
}

/** The judgement form's pickers: active users of a unit's subtree, and active parties, matching `q`. */
export async function lookupPeople(ctx: ActorContext, input: PeopleLookupInput) {
  const unit = input.unitId === undefined ? undefined : await unitById(ctx.db, input.unitId);
  let users = ctx.db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name as name', 'users.username', 'units.name as unit'])
    .where('users.active', '=', 1);
  if (unit)
    users = users.where('units.path', '>=', unit.path).where('units.path', '<', subtreeEnd(unit.path));
  let parties = ctx.db
    .selectFrom('external_parties')
    .select(['id', 'code', 'name', 'kind'])
    .where('active', '=', 1);
  if (input.q) {
    const pattern = like(input.q);
    users = users.where((eb) =>
      eb.or([eb('users.display_name', 'like', pattern), eb('users.username', 'like', pattern)]),
    );
    parties = parties.where((eb) => eb.or([eb('name', 'like', pattern), eb('code', 'like', pattern)]));
  }
  const [u, p] = await Promise.all([
    users.orderBy('users.display_name').limit(PICKER).execute(),
    parties.orderBy('code').limit(PICKER).execute(),
  ]);
  return { users: u, parties: p.map((r) => ({ ...r, kind: r.kind as PartyView['kind'] })) };
}
