import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { PeriodRange } from '../../lib/periods.js';
import { assertSeesPerson, assertSeesUnit } from './access.js';
import { computeFigures, type Window, windowOf } from './compute.js';
import type { Figures } from './figures.js';
import { volumeSums } from './queries.js';
import type { ScoringRules } from './rules.js';
import type { PeriodInput, PersonRow, PersonSheet, UnitSheet } from './schemas.js';
import { readRules } from './settings.js';
import { frozenSheet } from './snapshots.js';

type Reader = Db | Tx;

export const rangeOf = (input: PeriodInput): PeriodRange => {
  const to = input.to ?? input.from;
  return to < input.from ? { from: to, to: input.from } : { from: input.from, to };
};

interface Person {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  unitPath: string;
}

const personColumns = [
  'users.id',
  'users.display_name',
  'users.unit_id',
  'units.name',
  'units.path',
] as const;
const toPerson = (r: {
  id: number;
  display_name: string;
  unit_id: number;
  name: string;
  path: string;
}): Person => ({
  id: r.id,
  name: r.display_name,
  unitId: r.unit_id,
  unitName: r.name,
  unitPath: r.path,
});

async function personById(db: Reader, id: number): Promise<Person> {
  const row = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(personColumns)
    .where('users.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('user_not_found');
  return toPerson(row);
}

async function unitById(db: Reader, id: number): Promise<{ id: number; name: string; path: string }> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('unit_not_found');
  return row;
}

const personSheetOf = (range: PeriodRange, person: Person, f: Figures): PersonSheet => ({
  period: range,
  frozen: null,
  person: { id: person.id, name: person.name, unitId: person.unitId, unitName: person.unitName },
  ...f,
});

/** The live sheet of one person (no access check: the caller decided). */
export async function computePersonSheet(
  app: AppContext,
  db: Reader,
  person: Person,
  range: PeriodRange,
  rules: ScoringRules,
): Promise<PersonSheet> {
  const figures = await computeFigures(
    db,
    { kind: 'user', userId: person.id },
    windowOf(range, app.config.timeZone),
    rules,
  );
  return personSheetOf(range, person, figures(person.id));
}

const personRow = (p: Person, f: Figures): PersonRow => ({
  id: p.id,
  name: p.name,
  unitId: p.unitId,
  unitName: p.unitName,
  received: f.responsible.received,
  valid: f.responsible.valid,
  handled: f.handler.handled,
  onTimeRate: f.handler.onTimeRate,
  firstContactRate: f.handler.firstContactRate,
  reopenRate: f.handler.reopenRate,
  nps: f.handler.satisfaction.nps,
  qualityAverage: f.handler.quality.average,
  remediesPaid: f.responsible.remediesPaid,
  score: f.score.total,
});

async function peopleOfUnit(db: Reader, path: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(personColumns)
    .where('units.path', '>=', path)
    .where('units.path', '<', `${path.slice(0, -1)}0`)
    .orderBy('units.path')
    .orderBy('users.id')
    .execute();
  return rows.map(toPerson);
}

/** Every person's sheet of a subtree, computed together (closing a period stores them). */
export async function computePeopleSheets(
  app: AppContext,
  db: Reader,
  unitPath: string,
  range: PeriodRange,
  rules: ScoringRules,
): Promise<PersonSheet[]> {
  const [people, figures] = await Promise.all([
    peopleOfUnit(db, unitPath),
    computeFigures(db, { kind: 'people', unitPath }, windowOf(range, app.config.timeZone), rules),
  ]);
  return people.map((p) => personSheetOf(range, p, figures(p.id)));
}

const per10k = (count: number, volume: number | null) => (volume ? (count / volume) * 10_000 : null);

/** The live sheet of a unit's subtree with its people (about twenty statements, whatever the size). */
export async function computeUnitSheet(
  app: AppContext,
  db: Reader,
  unit: { id: number; name: string; path: string },
  range: PeriodRange,
  rules: ScoringRules,
): Promise<UnitSheet> {
  const w: Window = windowOf(range, app.config.timeZone);
  const [people, peopleFigures, unitFigures, volume] = await Promise.all([
    peopleOfUnit(db, unit.path),
    computeFigures(db, { kind: 'people', unitPath: unit.path }, w, rules),
    computeFigures(db, { kind: 'unit', unitPath: unit.path }, w, rules),
    volumeSums(db, unit.path, w),
  ]);
  const { responsible, handler } = unitFigures(0);
  return {
    period: range,
    frozen: null,
    unit: { id: unit.id, name: unit.name },
    volume,
    validPer10kParcels: per10k(responsible.valid, volume.parcels),
    validPer10kOrders: per10k(responsible.valid, volume.orders),
    responsible,
    handler,
    people: people.map((p) => personRow(p, peopleFigures(p.id))),
  };
}

/** A person's sheet for the caller: frozen when the one month asked for is closed, live otherwise. */
export async function personSheet(
  ctx: ActorContext,
  userId: number,
  input: PeriodInput,
): Promise<PersonSheet> {
  const person = await personById(ctx.db, userId);
  assertSeesPerson(ctx.actor, person);
  const range = rangeOf(input);
  const frozen = await frozenSheet<PersonSheet>(ctx.db, range, 'user', person.id);
  return frozen ?? computePersonSheet(ctx, ctx.db, person, range, await readRules(ctx.db));
}

export async function unitSheet(ctx: ActorContext, unitId: number, input: PeriodInput): Promise<UnitSheet> {
  const unit = await unitById(ctx.db, unitId);
  assertSeesUnit(ctx.actor, unit.path);
  const range = rangeOf(input);
  const frozen = await frozenSheet<UnitSheet>(ctx.db, range, 'unit', unit.id);
  return frozen ?? computeUnitSheet(ctx, ctx.db, unit, range, await readRules(ctx.db));
}

/** Every unit, for closing a period. */
export const allUnits = (db: Reader) =>
  db.selectFrom('units').select(['id', 'name', 'path']).orderBy('path').execute();
export const rootUnits = (db: Reader) =>
  db.selectFrom('units').select(['id', 'name', 'path']).where('parent_id', 'is', null).execute();
