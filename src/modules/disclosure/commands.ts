import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { periodBounds } from '../../lib/periods.js';
import { appendEvent } from '../audit/index.js';
import { type Chosen, chosenComplaints } from './drafts.js';
import { computeFigures } from './figures.js';
import { DISCLOSURE_STREAM, type PublicationTexts, textProblems } from './rules.js';
import type { JudgementTextsInput, PrepareInput } from './schemas.js';

async function lockDisclosure(tx: Tx, period: string) {
  const d = await tx
    .selectFrom('disclosures')
    .selectAll()
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();
  if (!d) throw notFound('disclosure_not_found', { period });
  return d;
}

function refuseUnfit(c: Chosen, texts: PublicationTexts, pathOf: (field: string) => string): void {
  const problems = textProblems(texts, c.personal);
  if (problems.length)
    throw badRequest(
      'validation_failed',
      problems.map((p) => ({ path: pathOf(p.field), code: p.code, params: p.kind ? { kind: p.kind } : {} })),
    );
}

/**
 * Prepare (or prepare again) a month's disclosure as a draft: the figures computed now and stored,
 * the figures chosen, and the judgements selected — a new one starts from its draft, one already
 * selected keeps its edited texts. A published month must be unpublished first.
 */
export function prepareDisclosure(ctx: ActorContext, period: string, input: PrepareInput): Promise<void> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('disclosures')
      .select(['id', 'status'])
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'published') throw conflict('disclosure_published', { period });
    const figures = await computeFigures(tx, periodBounds({ from: period, to: period }, ctx.config.timeZone));
    const chosen = await chosenComplaints(tx, ctx.config.secret, input.complaintNumbers);
    const values = {
      status: 'draft',
      chosen: JSON.stringify(input.figures),
      figures: JSON.stringify(figures),
      prepared_by: ctx.actor.userId,
      prepared_at: now,
      updated_at: now,
    };
    let id = existing?.id;
    if (id !== undefined) await tx.updateTable('disclosures').set(values).where('id', '=', id).execute();
    else
      id = (
        await tx
          .insertInto('disclosures')
          .values({ ...values, period })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const kept = await tx
      .selectFrom('disclosure_judgements')
      .select(['complaint_id'])
      .where('disclosure_id', '=', id)
      .execute();
    const keep = new Set(kept.map((k) => k.complaint_id));
    const ids = chosen.map((c) => c.id);
    let dropped = tx.deleteFrom('disclosure_judgements').where('disclosure_id', '=', id);
    if (ids.length) dropped = dropped.where('complaint_id', 'not in', ids);
    await dropped.execute();
    for (const [position, c] of chosen.entries()) {
      if (keep.has(c.id))
        await tx
          .updateTable('disclosure_judgements')
          .set({ position })
          .where('disclosure_id', '=', id)
          .where('complaint_id', '=', c.id)
          .execute();
      else
        await tx
          .insertInto('disclosure_judgements')
          .values({ disclosure_id: id, complaint_id: c.id, position, ...c.texts, updated_at: now })
          .execute();
    }
    await appendEvent(tx, {
      streamType: DISCLOSURE_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'prepared',
      data: { period, figures: input.figures, judgements: chosen.length },
      newStream: !existing,
    });
  });
}

/** The admin's publication texts of one selected judgement, refused (400 naming the field) when anything personal is in them. */
export function editJudgement(
  ctx: ActorContext,
  period: string,
  number: string,
  texts: JudgementTextsInput,
): Promise<void> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDisclosure(tx, period);
    if (d.status === 'published') throw conflict('disclosure_published', { period });
    const [c] = await chosenComplaints(tx, ctx.config.secret, [number]).catch(() => {
      throw notFound('disclosure_judgement_not_found', { number });
    });
    const row = c
      ? await tx
          .selectFrom('disclosure_judgements')
          .select('id')
          .where('disclosure_id', '=', d.id)
          .where('complaint_id', '=', c.id)
          .executeTakeFirst()
      : undefined;
    if (!c || !row) throw notFound('disclosure_judgement_not_found', { number });
    refuseUnfit(c, texts, (field) => `/${field}`);
    await tx
      .updateTable('disclosure_judgements')
      .set({ ...texts, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await appendEvent(tx, {
      streamType: DISCLOSURE_STREAM,
      streamId: d.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'judgement_edited',
      data: { period, complaintId: c.id },
    });
  });
}

/**
 * Publish or unpublish a month. Publishing checks every selected text once more (a draft edited
 * before a complaint's personal data was corrected must not go out).
 */
export function setPublished(ctx: ActorContext, period: string, publish: boolean): Promise<void> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const d = await lockDisclosure(tx, period);
    if ((d.status === 'published') === publish)
      throw conflict(publish ? 'disclosure_published' : 'disclosure_not_published', { period });
    if (publish) {
      const rows = await tx
        .selectFrom('disclosure_judgements as j')
        .innerJoin('complaints as c', 'c.id', 'j.complaint_id')
        .select(['c.number', 'j.category', 'j.cause', 'j.result', 'j.measures', 'j.position'])
        .where('j.disclosure_id', '=', d.id)
        .orderBy('j.position')
        .execute();
      const chosen = await chosenComplaints(
        tx,
        ctx.config.secret,
        rows.map((r) => r.number),
      );
      for (const [i, c] of chosen.entries()) {
        const r = rows[i];
        if (r) refuseUnfit(c, r, (field) => `/judgements/${i}/${field}`);
      }
    }
    await tx
      .updateTable('disclosures')
      .set({ status: publish ? 'published' : 'draft', published_at: publish ? now : null, updated_at: now })
      .where('id', '=', d.id)
      .execute();
    await appendEvent(tx, {
      streamType: DISCLOSURE_STREAM,
      streamId: d.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: publish ? 'published' : 'unpublished',
      data: { period },
    });
  });
}
