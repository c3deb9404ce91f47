import type { Expression } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import type { Script } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the complaint page shows of a case. */
export interface CaseView {
  title: string;
  summary: string;
  lessons: string;
  scripts: Script[];
  tags: string[];
  markedBy: { id: number; name: string | null };
  markedAt: string;
}

export function toCaseView(r: {
  title: string;
  summary: string;
  lessons: string;
  scripts: string;
  tags: string;
  marked_by: number;
  marked_by_name: string | null;
  marked_at: number;
}): CaseView {
  return {
    title: r.title,
    summary: r.summary,
    lessons: r.lessons,
    scripts: JSON.parse(r.scripts) as Script[],
    tags: JSON.parse(r.tags) as string[],
    markedBy: { id: r.marked_by, name: r.marked_by_name },
    markedAt: iso(r.marked_at),
  };
}

/** What a case view is made of (`toCaseView`), from the cases joined with the user who marked them. */
export const CASE_COLUMNS = [
  'complaint_cases.title',
  'complaint_cases.summary',
  'complaint_cases.lessons',
  'complaint_cases.scripts',
  'complaint_cases.tags',
  'complaint_cases.marked_by',
  'complaint_cases.marked_at',
  'users.display_name as marked_by_name',
] as const;

/** The case of a complaint (by id, or a reference to one in a larger statement), as `toCaseView` reads it. */
export const caseOf = (db: Db | Tx, complaintId: number | Expression<number>) =>
  db
    .selectFrom('complaint_cases')
    .leftJoin('users', 'users.id', 'complaint_cases.marked_by')
    .select(CASE_COLUMNS)
    .where('complaint_cases.complaint_id', '=', complaintId);
