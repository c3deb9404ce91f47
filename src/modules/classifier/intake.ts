import type { Db, Tx } from '../../db/database.js';
import { classifyText } from './suggest.js';

/**
 * Intake channels that set a category themselves (the mailbox's default, the portal customer's
 * coarse choice) leave it to the classifier when the classifier is sure: the category is dropped
 * from the input, so registration applies the prediction and records it as applied. With
 * `withinBranch`, only a prediction inside the given category's subtree replaces it.
 */
export async function preferConfidentCategory<
  T extends { title: string; content: string; categoryId?: number },
>(db: Db | Tx, input: T, options: { withinBranch?: boolean } = {}): Promise<T> {
  const { suggestion, byRule } = await classifyText(db, input);
  const guess = suggestion.category;
  if (!guess || !(byRule.category || guess.confidence >= suggestion.autoApplyAt)) return input;
  if (options.withinBranch && !guess.path.some((step) => step.id === input.categoryId)) return input;
  const { categoryId: _, ...rest } = input;
  return rest as T;
}
