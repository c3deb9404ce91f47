import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { actorContext, type Http } from '../../server/http.js';
import { appendEvent } from '../audit/index.js';
import { PRIORITIES } from '../complaints/model.js';
import { requireAdmin } from '../org/policy.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { type CalendarSettings, DEFAULT_SLA_SETTINGS, type SlaSettings } from './settings.js';
import { DEFAULT_LIMITS, STAGES } from './stages.js';

const tags = ['time limits'];
const Mode = Type.Enum(['working', 'clock']);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Minute = Type.Integer({ minimum: 0, maximum: 1440 });
/** [from, to] in minutes from midnight: a pair as JSON Schema 2020-12 writes it (TypeBox's Tuple writes draft-07's `items` array, invalid in OpenAPI 3.1). */
const Interval = Type.Unsafe<[number, number]>({
  type: 'array',
  prefixItems: [Minute, Minute],
  minItems: 2,
  maxItems: 2,
  description: '[from, to] in minutes from midnight',
});

const PolicyBody = Type.Object(
  {
    stage: Type.Enum(STAGES),
    categoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'null: every category',
    }),
    priority: Type.Union([Type.Enum(PRIORITIES), Type.Null()], { description: 'null: every priority' }),
    mode: Mode,
    minutes: Type.Integer({ minimum: 1, maximum: 525600 }),
  },
  { additionalProperties: false },
);

export function slaRoutes(http: Http, app: AppContext): void {
  http.get('/sla-policies', { schema: { tags } }, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    const rows = await app.db.selectFrom('sla_policies').selectAll().orderBy('stage').orderBy('id').execute();
    return {
      defaults: DEFAULT_LIMITS,
      items: rows.map((r) => ({
        id: r.id,
        stage: r.stage,
        categoryId: r.category_id,
        priority: r.priority,
        mode: r.mode,
        minutes: r.limit_minutes,
      })),
    };
  });
  http.put(
    '/sla-policies',
    {
      schema: {
        tags,
        summary: 'set the limit of a stage for a category subtree × priority',
        body: PolicyBody,
      },
    },
    async (req) => {
      const ctx = actorContext(app, req);
      requireAdmin(ctx.actor);
      const b = req.body;
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (tx) => {
        let q = tx.deleteFrom('sla_policies').where('stage', '=', b.stage);
        q =
          b.categoryId === null
            ? q.where('category_id', 'is', null)
            : q.where('category_id', '=', b.categoryId);
        q = b.priority === null ? q.where('priority', 'is', null) : q.where('priority', '=', b.priority);
        await q.execute();
        const { id } = await tx
          .insertInto('sla_policies')
          .values({
            stage: b.stage,
            category_id: b.categoryId,
            priority: b.priority,
            mode: b.mode,
            limit_minutes: b.minutes,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendEvent(tx, {
          streamType: 'settings',
          streamId: 0,
          actorId: ctx.actor.userId,
          at: now,
          kind: 'sla_policy_set',
          data: { id, ...b },
        });
        return { id, ...b };
      });
    },
  );
  http.delete(
    '/sla-policies/:id',
    { schema: { tags, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } },
    async (req, reply) => {
      const ctx = actorContext(app, req);
      requireAdmin(ctx.actor);
      await ctx.db.transaction().execute(async (tx) => {
        const r = await tx.deleteFrom('sla_policies').where('id', '=', req.params.id).executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw notFound();
        await appendEvent(tx, {
          streamType: 'settings',
          streamId: 0,
          actorId: ctx.actor.userId,
          at: ctx.clock.now(),
          kind: 'sla_policy_deleted',
          data: { id: req.params.id },
        });
      });
      return reply.code(204).send();
    },
  );

  http.get('/settings/calendar', { schema: { tags } }, async (req) => {
    actorContext(app, req);
    return readSetting<CalendarSettings>(app.db, 'business_calendar', {});
  });
  http.put(
    '/settings/calendar',
    {
      schema: {
        tags,
        summary: 'working hours per weekday (minutes from midnight) and overrides of the PRC holiday data',
        body: Type.Object(
          {
            timeZone: Type.Optional(Type.String({ maxLength: 64 })),
            hours: Type.Optional(
              Type.Record(Type.String({ pattern: '^[0-6]$' }), Type.Array(Interval, { maxItems: 6 })),
            ),
            extraHolidays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
            extraWorkdays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
            removeHolidays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      writeSetting<CalendarSettings>(
        actorContext(app, req),
        'business_calendar',
        req.body as CalendarSettings,
        {},
      ),
  );
  http.get('/settings/sla', { schema: { tags } }, async (req) => {
    actorContext(app, req);
    return { ...DEFAULT_SLA_SETTINGS, ...(await readSetting<Partial<SlaSettings>>(app.db, 'sla', {})) };
  });
  http.put(
    '/settings/sla',
    {
      schema: {
        tags,
        body: Type.Object(
          {
            remindShare: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
            raisePriorityOnBreach: Type.Integer({ minimum: 0, maximum: 3 }),
            unreachableClose: Type.Object(
              { mode: Mode, minutes: Type.Integer({ minimum: 1 }) },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      writeSetting<SlaSettings>(actorContext(app, req), 'sla', req.body as SlaSettings, DEFAULT_SLA_SETTINGS),
  );
}
