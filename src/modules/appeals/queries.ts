import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { hasRole, seesAll } from '../../domain/actor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import { visibleComplaintId, visibleTo } from '../complaints/index.js';
import {
  type AppealStatus,
  type Level,
  mayAppeal,
  OPEN_APPEAL_STATUSES,
  type Outcome,
  type SubjectKind,
  windowEnd,
} from './rules.js';
import type { AppealListInput, AppealView, Revision, SubjectAppeals } from './schemas.js';
import { appealSettings } from './settings.js';

const PAGE = 50;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Appeals with their complaint, check, people and the subject as it stands: one query, no query per row. */
function appealRows(db: Db | Tx) {
  return db
    .selectFrom('appeals as a')
    .innerJoin('complaints', 'complaints.id', 'a.complaint_id')
    .leftJoin('quality_checks as q', 'q.id', 'a.quality_check_id')
    .leftJoin('users as appellant', 'appellant.id', 'a.appellant_id')
    .leftJoin('users as sup', 'sup.id', 'a.supervisor_id')
    .leftJoin('users as mgr', 'mgr.id', 'a.manager_id')
    .leftJoin('units as ru', 'ru.id', 'complaints.responsible_unit_id')
    .leftJoin('users as rp', 'rp.id', 'complaints.responsible_user_id')
    .leftJoin('external_parties as ep', 'ep.id', 'complaints.responsible_party_id')
    .selectAll('a')
    .select([
      'complaints.number',
      'complaints.title',
      'complaints.validity',
      'complaints.validity_kind',
      'complaints.invalid_reason',
      'complaints.judgement_basis',
      'complaints.responsible_person',
      'complaints.responsible_unit_id',
      'ru.name as responsible_unit',
      'rp.display_name as responsible_user',
      'ep.name as responsible_party',
      'q.score',
      'q.revised_score',
      'q.findings',
      'q.status as check_status',
      'appellant.display_name as appellant_name',
      'sup.display_name as supervisor_name',
      'mgr.display_name as manager_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof appealRows>['execute']>>[number];

const person = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

const appealView = (r: Row, now: number): AppealView => ({
  id: r.id,
  subjectKind: r.subject_kind as SubjectKind,
  number: r.number,
  title: r.title,
  qualityCheckId: r.quality_check_id,
  appellant: person(r.appellant_id, r.appellant_name),
  reason: r.reason,
  evidence: r.evidence,
  status: r.status as AppealStatus,
  filedAt: new Date(r.filed_at).toISOString(),
  subjectAt: new Date(r.subject_at).toISOString(),
  dueAt: iso(r.due_at),
  overdue: r.due_at !== null && now > r.due_at,
  supervisor: {
    outcome: r.supervisor_outcome as Outcome | null,
    reviewer: person(r.supervisor_id, r.supervisor_name),
    comment: r.supervisor_comment,
    dueAt: iso(r.supervisor_due_at),
    decidedAt: iso(r.supervisor_decided_at),
  },
  manager: {
    outcome: r.manager_outcome as Outcome | null,
    reviewer: person(r.manager_id, r.manager_name),
    comment: r.manager_comment,
    dueAt: iso(r.manager_due_at),
    decidedAt: iso(r.manager_decided_at),
  },
  revision: r.revision ? (JSON.parse(r.revision) as Revision) : null,
  outcome: r.outcome as Outcome | null,
  decidedAt: iso(r.decided_at),
  subject: {
    validity: r.validity,
    validityKind: r.validity_kind,
    invalidReason: r.invalid_reason,
    responsibleUnitId: r.responsible_unit_id,
    responsibleUnit: r.responsible_unit,
    responsiblePerson: r.responsible_user ?? r.responsible_party ?? r.responsible_person,
    basis: r.judgement_basis,
    score: r.score,
    revisedScore: r.revised_score,
    findings: r.findings,
    checkStatus: r.check_status,
  },
});

/** The levels whose open appeals the actor answers. */
export const reviewedLevels = (ctx: ActorContext): Level[] => [
  ...(hasRole(ctx.actor, 'supervisor', 'manager', 'executive') ? (['supervisor'] as const) : []),
  ...(hasRole(ctx.actor, 'manager', 'executive') ? (['manager'] as const) : []),
];

/**
 * 申诉 lists, by cursor. queue: open appeals at a level the actor reviews, on complaints they see, the
 * earliest due first; mine: the actor's own appeals, newest first; all: every appeal they may review.
 */
export async function listAppeals(ctx: ActorContext, input: AppealListInput) {
  const view = input.view ?? 'queue';
  const now = ctx.clock.now();
  let q = appealRows(ctx.db);
  const levels = reviewedLevels(ctx);
  if (view === 'mine') q = q.where('a.appellant_id', '=', ctx.actor.userId);
  else {
    if (!levels.length) return { items: [], nextCursor: null };
    if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx));
  }
  if (view === 'queue') {
    q = q.where(
      'a.status',
      'in',
      levels.map((l) => `pending_${l}`),
    );
    if (input.cursor) {
      const [due, id] = decodeCursor(input.cursor, 'integer');
      q = q.where((eb) =>
        eb.or([
          eb('a.due_at', '>', Number(due)),
          eb.and([eb('a.due_at', '=', Number(due)), eb('a.id', '>', id)]),
        ]),
      );
    }
    q = q.orderBy('a.due_at').orderBy('a.id');
  } else {
    if (input.cursor) {
      const [, id] = decodeCursor(input.cursor, 'integer');
      q = q.where('a.id', '<', id);
    }
    q = q.orderBy('a.id', 'desc');
  }
  const rows = await q.limit(PAGE + 1).execute();
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    items: page.map((r) => appealView(r, now)),
    nextCursor:
      rows.length > PAGE && last ? encodeCursor([view === 'queue' ? last.due_at : last.id, last.id]) : null,
  };
}

/** One appeal: for its appellant, or for those who review appeals and see its complaint. */
export async function getAppeal(ctx: ActorContext, id: number): Promise<AppealView> {
  let q = appealRows(ctx.db).where('a.id', '=', id);
  if (!seesAll(ctx.actor))
    q = q.where((eb) => eb.or([eb('a.appellant_id', '=', ctx.actor.userId), visibleTo(ctx)(eb)]));
  const row = await q.executeTakeFirst();
  if (!row || (row.appellant_id !== ctx.actor.userId && !reviewedLevels(ctx).length))
    throw notFound('appeal_not_found', { id });
  return appealView(row, ctx.clock.now());
}

/** The appeals of a complaint (judgement and its checks), and whether the actor may appeal its judgement now. */
export async function complaintAppeals(ctx: ActorContext, number: string): Promise<SubjectAppeals> {
  const complaintId = await visibleComplaintId(ctx, number);
  const now = ctx.clock.now();
  const [rows, c, { windowDays }] = await Promise.all([
    appealRows(ctx.db).where('a.complaint_id', '=', complaintId).orderBy('a.id', 'desc').execute(),
    ctx.db
      .selectFrom('complaints')
      .leftJoin('units', 'units.id', 'complaints.responsible_unit_id')
      .select([
        'complaints.judged_at',
        'complaints.validity',
        'complaints.responsible_user_id',
        'complaints.responsible_party_id',
        'complaints.responsible_unit_id',
        'units.path',
      ])
      .where('complaints.id', '=', complaintId)
      .executeTakeFirstOrThrow(),
    appealSettings(ctx.db),
  ]);
  const appealable =
    c.judged_at !== null &&
    c.validity === 'valid' &&
    (c.responsible_user_id !== null || c.responsible_unit_id !== null || c.responsible_party_id !== null);
  const end = appealable && c.judged_at !== null ? windowEnd(c.judged_at, windowDays) : null;
  const open = rows.some(
    (r) => r.subject_kind === 'judgement' && OPEN_APPEAL_STATUSES.includes(r.status as AppealStatus),
  );
  return {
    mayAppeal:
      end !== null &&
      now <= end &&
      !open &&
      mayAppeal(ctx.actor, { userId: c.responsible_user_id, unitPath: c.path ?? null }),
    windowEndsAt: iso(end),
    items: rows.map((r) => appealView(r, now)),
  };
}
