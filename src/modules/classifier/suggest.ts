import type { Db, Tx } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';
import { CategoryIndex, roundConfidence } from './categories.js';
import { predict, type Ranking } from './model.js';
import { firingRule } from './rules.js';
import type { SuggestInput, SuggestionView } from './schemas.js';
import { readClassificationSettings } from './settings.js';
import { findModel } from './store.js';

const PRIORITY_VALUES = new Set(['P1', 'P2', 'P3', 'P4']);
const GRADE_VALUES = new Set(['general', 'major']);
const ALTERNATIVES = 3;

/** A suggestion, and which of its parts an admin rule set (those count as certain). */
export interface Classified {
  suggestion: SuggestionView;
  byRule: { category: boolean; priority: boolean; grade: boolean };
}

function topValue<T extends string>(ranking: Ranking | null, allowed: Set<string>) {
  const best = ranking?.find((r) => allowed.has(r.label));
  return best ? { value: best.label as T, confidence: roundConfidence(best.confidence) } : null;
}

/**
 * Category, priority and grade proposed for a complaint's text: an admin keyword rule first
 * (what it sets has confidence 1), the configured model for the rest. Nothing when switched off.
 */
export async function classifyText(db: Db | Tx, input: SuggestInput): Promise<Classified> {
  const settings = await readClassificationSettings(db);
  const none: Classified = {
    suggestion: {
      category: null,
      priority: null,
      grade: null,
      rule: null,
      alternatives: [],
      autoApplyAt: settings.autoApplyAt,
      model: settings.model,
    },
    byRule: { category: false, priority: false, grade: false },
  };
  if (!settings.enabled) return none;
  const text = `${input.title}\n${input.content}`;
  const [model, rule, categories] = await Promise.all([
    findModel(db, settings.model),
    firingRule(db, text),
    CategoryIndex.load(db),
  ]);
  const prediction = model ? predict(model.loaded, text) : null;
  const guesses = (prediction?.category ?? []).flatMap((r) => {
    const row = categories.resolve(r.label);
    return row ? [categories.guess(row, r.confidence)] : [];
  });
  const ruleCategory = rule?.categoryId ? categories.get(rule.categoryId) : undefined;
  const category = ruleCategory ? categories.guess(ruleCategory, 1) : (guesses[0] ?? null);
  const suggestion: SuggestionView = {
    ...none.suggestion,
    category,
    alternatives: guesses.filter((g) => g.id !== category?.id).slice(0, ALTERNATIVES),
    priority: rule?.priority
      ? { value: rule.priority, confidence: 1 }
      : topValue(prediction?.priority ?? null, PRIORITY_VALUES),
    grade: rule?.major
      ? { value: 'major', confidence: 1 }
      : topValue(prediction?.grade ?? null, GRADE_VALUES),
    rule: rule ? { id: rule.id, name: rule.name } : null,
  };
  return {
    suggestion,
    byRule: { category: !!ruleCategory, priority: !!rule?.priority, grade: !!rule?.major },
  };
}

/** POST /classification/suggest. */
export async function suggestClassification(db: Db | Tx, input: SuggestInput): Promise<SuggestionView> {
  if (!input.title.trim() && !input.content.trim())
    throw badRequest('validation_failed', [{ path: '/content', code: 'text_required' }]);
  return (await classifyText(db, input)).suggestion;
}
