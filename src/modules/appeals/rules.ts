/** 申诉 rules: who may appeal what, the window, and where a reviewer's outcome sends the appeal. No I/O. */
import { type Actor, hasRole, inSubtree } from '../../domain/actor.js';

export const SUBJECT_KINDS = ['judgement', 'quality_check'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** overturned: the appeal succeeds, the judgement is reversed; partly: changed in part; upheld: it stands. */
export const OUTCOMES = ['overturned', 'partly', 'upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcome in the appellant's notice, zh-CN and en. */
export const OUTCOME_WORDS: Record<Outcome, [string, string]> = {
  overturned: ['申诉成立，原判定撤销', 'the appeal succeeds, the judgement is overturned'],
  partly: ['申诉部分成立，原判定已修改', 'the appeal partly succeeds, the judgement is changed'],
  upheld: ['维持原判定', 'the judgement stands'],
};

export const APPEAL_STATUSES = ['pending_supervisor', 'pending_manager', 'decided', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const OPEN_APPEAL_STATUSES: AppealStatus[] = ['pending_supervisor', 'pending_manager'];

export type Level = 'supervisor' | 'manager';
export const levelOf = (status: string): Level | null =>
  status === 'pending_supervisor' ? 'supervisor' : status === 'pending_manager' ? 'manager' : null;

const DAY_MS = 86_400_000;
/** The last instant an appeal is accepted: `windowDays` calendar days after the judgement or score. */
export const windowEnd = (subjectAt: number, windowDays: number) => subjectAt + windowDays * DAY_MS;

/** What an appeal is against: the person named, and the unit (path) responsible. */
export interface Against {
  userId: number | null;
  unitPath: string | null;
}

/**
 * The person named may appeal for themself; a supervisor or manager whose unit holds the responsible
 * unit may appeal for it.
 */
export function mayAppeal(actor: Actor, against: Against): boolean {
  if (against.userId !== null && against.userId === actor.userId) return true;
  return (
    against.unitPath !== null &&
    hasRole(actor, 'supervisor', 'manager') &&
    inSubtree(against.unitPath, actor.unitPath)
  );
}

/** The supervisor level is any supervisor or above; the manager level a manager or executive. */
export function mayReview(actor: Actor, level: Level, appellantId: number): boolean {
  if (actor.userId === appellantId) return false;
  return level === 'supervisor'
    ? hasRole(actor, 'supervisor', 'manager', 'executive')
    : hasRole(actor, 'manager', 'executive');
}

/**
 * After a level decides: the supervisor's `upheld` (the judgement stands) ends the appeal; a change
 * (overturned or partly) goes on to the manager, whose outcome is final.
 */
export const nextStatus = (level: Level, outcome: Outcome): AppealStatus =>
  level === 'supervisor' && outcome !== 'upheld' ? 'pending_manager' : 'decided';

export const openKey = (kind: SubjectKind, id: number) => `${kind}:${id}`;
