import type { ActorContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { words } from '../../lib/segment.js';
import { canSee } from '../complaints/index.js';
import { requireLibraryReader } from './library-access.js';
import type { Script } from './schemas.js';
import { contains } from './terms.js';

/** How many scripts the reply form offers, and how many words of the complaint pick the cases. */
const OFFERED = 10;
const KEY_WORDS = 20;
const CANDIDATES = 200;

/** The complaint's words that say something: two characters or more, longest first, each once. */
const keyWords = (text: string) =>
  [...new Set(words(text))]
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, KEY_WORDS);

/** How many levels of the category tree two paths (`/1/5/12/`) share from the top. */
function sharedLevels(a: string, b: string): number {
  const x = a.split('/').filter(Boolean);
  const y = b.split('/').filter(Boolean);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * 话术 offered in the reply form of a complaint: scripts of cases in the same category branch first
 * (the deeper the shared branch the better), then by how many of the complaint's words the case
 * shares; at most ten, never from the complaint itself.
 */
export async function offeredScripts(ctx: ActorContext, number: string) {
  requireLibraryReader(ctx);
  const c = await ctx.db
    .selectFrom('complaints')
    .innerJoin('categories', 'categories.id', 'complaints.category_id')
    .select([
      'complaints.id',
      'complaints.unit_path',
      'complaints.intake_unit_path',
      'complaints.assignee_id',
      'complaints.title',
      'complaints.content',
      'categories.path',
    ])
    .where('complaints.number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  const branch = `/${c.path.split('/').filter(Boolean)[0]}/`;
  const complaintWords = keyWords(`${c.title}\n${c.content}`);
  const rows = await ctx.db
    .selectFrom('complaint_cases')
    .innerJoin('complaints', 'complaints.id', 'complaint_cases.complaint_id')
    .innerJoin('categories', 'categories.id', 'complaint_cases.category_id')
    .select([
      'complaints.number',
      'complaint_cases.title',
      'complaint_cases.scripts',
      'complaint_cases.terms',
      'complaint_cases.marked_at',
      'categories.path',
    ])
    .where('complaint_cases.complaint_id', '!=', c.id)
    .where('complaint_cases.scripts', '!=', '[]')
    .where((eb) =>
      eb.or([
        eb('categories.path', 'like', `${branch}%`),
        ...complaintWords.map((w) => contains('complaint_cases.terms', w)),
      ]),
    )
    .orderBy('complaint_cases.marked_at', 'desc')
    .limit(CANDIDATES)
    .execute();
  const ranked = rows
    .map((r) => {
      const terms = new Set(r.terms.split(' '));
      return {
        row: r,
        levels: sharedLevels(c.path, r.path),
        shared: complaintWords.filter((w) => terms.has(w)).length,
      };
    })
    .sort((a, b) => b.levels - a.levels || b.shared - a.shared || b.row.marked_at - a.row.marked_at);
  return {
    items: ranked
      .flatMap(({ row }) =>
        (JSON.parse(row.scripts) as Script[]).map((s) => ({
          caseNumber: row.number,
          caseTitle: row.title,
          title: s.title,
          text: s.text,
        })),
      )
      .slice(0, OFFERED),
  };
}
