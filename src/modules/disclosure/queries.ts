import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { DisclosureFigures } from './figures.js';
import type { FigureName } from './rules.js';
import type { AdminDisclosure, AdminList, PublicDisclosureView, PublicList } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const statusOf = (s: string) => (s === 'published' ? 'published' : 'draft') as 'draft' | 'published';

/** The selected judgements' texts in their order (one statement); the number only for the admin. */
const judgements = (db: Db, disclosureId: number) =>
  db
    .selectFrom('disclosure_judgements as j')
    .innerJoin('complaints as c', 'c.id', 'j.complaint_id')
    .select(['c.number', 'j.category', 'j.cause', 'j.result', 'j.measures'])
    .where('j.disclosure_id', '=', disclosureId)
    .orderBy('j.position')
    .execute();

export async function adminList(app: AppContext): Promise<Static<typeof AdminList>> {
  const rows = await app.db
    .selectFrom('disclosures')
    .select(['period', 'status', 'prepared_at', 'published_at'])
    .orderBy('period', 'desc')
    .limit(120)
    .execute();
  return {
    items: rows.map((r) => ({
      month: r.period,
      status: statusOf(r.status),
      preparedAt: iso(r.prepared_at),
      publishedAt: isoOrNull(r.published_at),
    })),
  };
}

export async function adminView(app: AppContext, month: string): Promise<Static<typeof AdminDisclosure>> {
  const d = await app.db.selectFrom('disclosures').selectAll().where('period', '=', month).executeTakeFirst();
  if (!d) throw notFound('disclosure_not_found', { period: month });
  return {
    month,
    status: statusOf(d.status),
    chosen: JSON.parse(d.chosen) as FigureName[],
    figures: JSON.parse(d.figures) as DisclosureFigures,
    preparedAt: iso(d.prepared_at),
    publishedAt: isoOrNull(d.published_at),
    judgements: await judgements(app.db, d.id),
  };
}

/** The published months, newest first (the (status, period) index). */
export async function publicList(app: AppContext): Promise<Static<typeof PublicList>> {
  const rows = await app.db
    .selectFrom('disclosures')
    .select(['period', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('period', 'desc')
    .limit(120)
    .execute();
  return { items: rows.map((r) => ({ month: r.period, publishedAt: iso(r.published_at ?? 0) })) };
}

/** A published month: only the chosen figures and the judgements' edited texts; anything else is 404. */
export async function publicView(app: AppContext, month: string): Promise<PublicDisclosureView> {
  const d = await app.db
    .selectFrom('disclosures')
    .selectAll()
    .where('period', '=', month)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!d) throw notFound('disclosure_not_found', { period: month });
  const all = JSON.parse(d.figures) as DisclosureFigures;
  const chosen = JSON.parse(d.chosen) as FigureName[];
  const figures: Partial<DisclosureFigures> = {};
  for (const name of chosen) Object.assign(figures, { [name]: all[name] });
  const texts = await judgements(app.db, d.id);
  return {
    month,
    publishedAt: iso(d.published_at ?? 0),
    figures,
    judgements: texts.map(({ category, cause, result, measures }) => ({ category, cause, result, measures })),
  };
}
