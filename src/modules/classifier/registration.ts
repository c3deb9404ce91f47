import type { Expression, InferResult } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { WriteBatch } from '../../db/write-batch.js';
import type { FieldProblem } from '../../lib/errors.js';
import { CategoryIndex } from './categories.js';
import type { AppliedFields, RegistrationClassificationView, StoredClassificationView } from './schemas.js';
import { classifyText } from './suggest.js';

type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** What registration takes from the classifier: the fields it fills in, and the record of it. */
export interface RegistrationClassification {
  view: RegistrationClassificationView;
  categoryId?: number;
  priority?: Priority;
  major: boolean;
}

/**
 * Predict for a new complaint and fill in what the caller left out when the prediction is confident
 * (≥ autoApplyAt) or an admin rule set it; a given category that `givesWay` (a channel's default, or
 * the customer's coarse choice with `branch`: only for a category inside it) counts as left out.
 * Without a category given or applied, a problem is added to `problems` (category_required). Null
 * when classification is switched off.
 */
export async function classifyRegistration(
  ctx: ActorContext,
  input: { title: string; content: string; categoryId?: number; priority?: string; majorReasons?: unknown[] },
  problems: { add(p: FieldProblem): void },
  givesWay?: 'any' | 'branch',
): Promise<RegistrationClassification | null> {
  const { suggestion, byRule } = await classifyText(ctx.db, input);
  const enabled = suggestion.category || suggestion.priority || suggestion.grade || suggestion.rule;
  const sure = (part: { confidence: number } | null, ruled: boolean) =>
    !!part && (ruled || part.confidence >= suggestion.autoApplyAt);
  const guess = suggestion.category;
  const categoryOpen =
    input.categoryId === undefined ||
    givesWay === 'any' ||
    (givesWay === 'branch' && !!guess?.path.some((step) => step.id === input.categoryId));
  const applied: AppliedFields = {
    category: categoryOpen && sure(guess, byRule.category),
    priority: input.priority === undefined && sure(suggestion.priority, byRule.priority),
    grade: input.majorReasons === undefined && sure(suggestion.grade, byRule.grade),
  };
  if (input.categoryId === undefined && !applied.category)
    problems.add({ path: '/categoryId', code: 'category_required' });
  if (!enabled) return null;
  return {
    view: { ...suggestion, applied },
    ...(applied.category && suggestion.category ? { categoryId: suggestion.category.id } : {}),
    ...(applied.priority && suggestion.priority ? { priority: suggestion.priority.value } : {}),
    major: applied.grade && suggestion.grade?.value === 'major',
  };
}

/** The prediction row, written in the registration's transaction. */
export function storeClassification(
  batch: WriteBatch,
  complaintId: number,
  c: RegistrationClassification,
  now: number,
): void {
  const v = c.view;
  batch.insertRow('complaint_classifications', {
    complaint_id: complaintId,
    model: v.model,
    category_id: v.category?.id ?? null,
    category_confidence: v.category?.confidence ?? null,
    priority: v.priority?.value ?? null,
    priority_confidence: v.priority?.confidence ?? null,
    grade: v.grade?.value ?? null,
    grade_confidence: v.grade?.confidence ?? null,
    rule_id: v.rule?.id ?? null,
    applied: JSON.stringify(v.applied),
    created_at: now,
  });
}

/** What the `registered` event records of the classification (no text, no personal data). */
export const classificationEventData = (c: RegistrationClassification) => ({
  model: c.view.model,
  categoryId: c.view.category?.id ?? null,
  confidence: c.view.category?.confidence ?? null,
  rule: c.view.rule,
  applied: c.view.applied,
});

/** The stored prediction of a complaint (by id, or a reference to one in a larger statement). */
export const classificationOf = (db: Db | Tx, complaintId: number | Expression<number>) =>
  db
    .selectFrom('complaint_classifications')
    .leftJoin('classification_rules', 'classification_rules.id', 'complaint_classifications.rule_id')
    .selectAll('complaint_classifications')
    .select('classification_rules.name as rule_name')
    .where('complaint_id', '=', complaintId);

type ClassificationRow = InferResult<ReturnType<typeof classificationOf>>[number];

/** The complaint detail's `classification`: what was predicted at registration. */
export async function toClassificationView(
  db: Db | Tx,
  row: ClassificationRow,
): Promise<StoredClassificationView> {
  const categories = row.category_id === null ? null : await CategoryIndex.loadPathOf(db, row.category_id);
  const category = row.category_id === null ? undefined : categories?.get(row.category_id);
  return {
    category: category && categories ? categories.guess(category, row.category_confidence ?? 0) : null,
    priority:
      row.priority === null
        ? null
        : { value: row.priority as Priority, confidence: row.priority_confidence ?? 0 },
    grade:
      row.grade === null
        ? null
        : { value: row.grade as 'general' | 'major', confidence: row.grade_confidence ?? 0 },
    rule: row.rule_id === null ? null : { id: row.rule_id, name: row.rule_name ?? '' },
    model: row.model,
    applied: JSON.parse(row.applied) as AppliedFields,
  };
}
