import { type ExpressionBuilder, sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import { insertRows } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { subtreeEnd } from '../../domain/actor.js';
import { badRequest } from '../../lib/errors.js';
import { periodBounds } from '../../lib/periods.js';
import { appendEvents } from '../audit/index.js';
import { categorySubtreeIds } from '../categories/index.js';
import { checklistForDraw } from './checklists.js';
import { checkerRoot, requireChecker } from './policy.js';
import { pickSample, sampleSize } from './sampling.js';
import type { DrawInput, DrawResult } from './schemas.js';
import type { StoredItem } from './scoring.js';

export const QUALITY_STREAM = 'quality_check';
/** Handlers per candidate statement: an IN list both databases take comfortably. */
const HANDLERS_PER_STATEMENT = 500;

interface Handler {
  id: number;
  name: string;
  unitId: number;
}
interface Candidate {
  id: number;
  number: string;
  title: string;
  assignee_id: number | null;
}

function validate(input: DrawInput): void {
  if (input.method === 'random' && (input.perHandler === undefined) === (input.percent === undefined))
    throw badRequest('validation_failed', [{ path: '/perHandler', code: 'one_of_per_handler_or_percent' }]);
  if (input.method === 'rule' && !input.rules)
    throw badRequest('validation_failed', [{ path: '/rules', code: 'required' }]);
  if (input.method === 'rule' && input.rules?.includes('category') && input.categoryId === undefined)
    throw badRequest('validation_failed', [{ path: '/categoryId', code: 'required' }]);
}

/** The handlers asked for (each in the caller's subtree), or everyone active in it. */
async function handlersInScope(tx: Tx, root: string | null, ids: number[] | undefined): Promise<Handler[]> {
  let query = tx
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name as name', 'users.unit_id as unitId', 'units.path']);
  query = ids ? query.where('users.id', 'in', ids) : query.where('users.active', '=', 1);
  if (root && !ids) query = query.where('units.path', '>=', root).where('units.path', '<', subtreeEnd(root));
  const rows = await query.orderBy('users.id').execute();
  ids?.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw badRequest('validation_failed', [{ path: `/handlerIds/${i}`, code: 'unknown_user' }]);
    if (root && !row.path.startsWith(root))
      throw badRequest('validation_failed', [{ path: `/handlerIds/${i}`, code: 'not_in_your_units' }]);
  });
  return rows.map(({ id, name, unitId }) => ({ id, name, unitId }));
}

/**
 * The handlers' complaints closed in the period and not yet checked for it, by the index on
 * (assignee, closed_at); a rule draw keeps those that meet any of its rules.
 */
async function candidates(
  tx: Tx,
  input: DrawInput,
  handlerIds: number[],
  timeZone: string,
): Promise<Candidate[]> {
  const { start: from, end: to } = periodBounds({ from: input.period, to: input.period }, timeZone);
  const byCategory = input.method === 'rule' && input.rules?.includes('category');
  const categoryIds =
    byCategory && input.categoryId !== undefined ? await categorySubtreeIds(tx, input.categoryId) : [];
  if (byCategory && !categoryIds.length)
    throw badRequest('validation_failed', [{ path: '/categoryId', code: 'unknown_category' }]);
  const ruleFilter = (eb: ExpressionBuilder<Database, 'complaints'>) =>
    eb.or(
      (input.rules ?? []).map((rule) => {
        switch (rule) {
          case 'major':
            return eb('complaints.grade', '=', 'major');
          case 'reopened':
            return eb('complaints.reopen_count', '>', 0);
          case 'unsatisfied':
            return eb('complaints.customer_confirmation', '=', 'unsatisfied');
          case 'overdue':
            return eb.exists(
              eb
                .selectFrom('complaint_deadlines')
                .select(sql`1`.as('one'))
                .whereRef('complaint_deadlines.complaint_id', '=', 'complaints.id')
                .where('complaint_deadlines.breached_at', 'is not', null),
            );
          default:
            return eb('complaints.category_id', 'in', categoryIds);
        }
      }),
    );
  const found: Candidate[] = [];
  for (let i = 0; i < handlerIds.length; i += HANDLERS_PER_STATEMENT) {
    let query = tx
      .selectFrom('complaints')
      .select(['complaints.id', 'complaints.number', 'complaints.title', 'complaints.assignee_id'])
      .where('complaints.assignee_id', 'in', handlerIds.slice(i, i + HANDLERS_PER_STATEMENT))
      .where('complaints.closed_at', '>=', from)
      .where('complaints.closed_at', '<', to)
      .where('complaints.status', '=', 'closed')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('quality_checks')
              .select(sql`1`.as('one'))
              .whereRef('quality_checks.complaint_id', '=', 'complaints.id')
              .where('quality_checks.period', '=', input.period),
          ),
        ),
      );
    if (input.method === 'rule') query = query.where(ruleFilter);
    found.push(...(await query.orderBy('complaints.id').execute()));
  }
  return found;
}

/** Random: n or a share per handler, seeded; rule: every candidate. In handler, then id order. */
function choose(input: DrawInput, handlers: Handler[], found: Candidate[], seed: number): Candidate[] {
  if (input.method === 'rule') return found;
  const byHandler = new Map<number, Candidate[]>();
  for (const c of found) {
    const own = byHandler.get(c.assignee_id ?? 0);
    if (own) own.push(c);
    else byHandler.set(c.assignee_id ?? 0, [c]);
  }
  return handlers.flatMap((h) => {
    const own = byHandler.get(h.id) ?? [];
    const picks = new Set(
      pickSample(
        own.map((c) => c.id),
        sampleSize(own.length, input),
        seed,
        h.id,
      ),
    );
    return own.filter((c) => picks.has(c.id));
  });
}

/**
 * 抽样: draws closed complaints of a period per handler in the caller's unit subtree and creates a
 * draft check for each, with the checklist's items copied onto it; the draw is recorded with its seed.
 * The handler is the complaint's assignee when it closed (a closed complaint's assignee no longer
 * changes); the unit is the handler's unit. A preview writes nothing.
 */
export async function drawSample(ctx: ActorContext, input: DrawInput): Promise<DrawResult> {
  requireChecker(ctx.actor);
  validate(input);
  const seed = input.method === 'random' ? (input.seed ?? ctx.clock.now() % 2147483647) : null;
  return ctx.db.transaction().execute(async (tx) => {
    const handlers = await handlersInScope(tx, checkerRoot(ctx.actor), input.handlerIds);
    const checklist = await checklistForDraw(tx, input.checklistId);
    const found = await candidates(
      tx,
      input,
      handlers.map((h) => h.id),
      ctx.config.timeZone,
    );
    const chosen = choose(input, handlers, found, seed ?? 0);
    const handlerById = new Map(handlers.map((h) => [h.id, h]));
    const person = (c: Candidate) => {
      const h = handlerById.get(c.assignee_id ?? 0) as Handler;
      return { id: h.id, name: h.name };
    };
    const complaint = (c: Candidate) => ({ number: c.number, title: c.title });
    if (input.preview || !chosen.length)
      return {
        drawId: null,
        seed,
        picked: chosen.map((c) => ({ checkId: null, complaint: complaint(c), handler: person(c) })),
      };

    const now = ctx.clock.now();
    const items: StoredItem[] = checklist.items.map((i) => ({
      key: i.key,
      labelZh: i.labelZh,
      labelEn: i.labelEn,
      weight: i.weight,
      score: null,
      note: '',
    }));
    // Cut into statements the databases take; another draw of the period that committed first keeps its check.
    const inserted = await insertRows<'quality_checks', { id: number; complaint_id: number }>(
      tx,
      'quality_checks',
      chosen.map((c) => ({
        complaint_id: c.id,
        handler_id: c.assignee_id ?? 0,
        unit_id: handlerById.get(c.assignee_id ?? 0)?.unitId ?? 0,
        period: input.period,
        checker_id: ctx.actor.userId,
        drawn_by: input.method,
        checklist_id: checklist.id,
        items: JSON.stringify(items),
        status: 'draft',
        created_at: now,
      })),
      'on conflict ("complaint_id", "period") do nothing returning "id", "complaint_id"',
    );
    const checkOf = new Map(inserted.map((r) => [r.complaint_id, r.id]));
    const kept = chosen.filter((c) => checkOf.has(c.id));
    const { period, handlerIds, method, perHandler, percent, rules, categoryId } = input;
    const draw = await tx
      .insertInto('quality_draws')
      .values({
        period,
        drawn_by: ctx.actor.userId,
        drawn_at: now,
        method,
        params: JSON.stringify({
          handlerIds,
          perHandler,
          percent,
          seed,
          rules,
          categoryId,
          checklistId: checklist.id,
        }),
        check_ids: JSON.stringify(kept.map((c) => checkOf.get(c.id))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvents(
      tx,
      kept.map((c) => ({
        streamType: QUALITY_STREAM,
        streamId: checkOf.get(c.id) as number,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'quality_check_drawn',
        data: {
          drawId: draw.id,
          complaintId: c.id,
          handlerId: c.assignee_id,
          period,
          method,
          checklistId: checklist.id,
        },
      })),
    );
    return {
      drawId: draw.id,
      seed,
      picked: kept.map((c) => ({
        checkId: checkOf.get(c.id) ?? null,
        complaint: complaint(c),
        handler: person(c),
      })),
    };
  });
}
