import { Form, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type CategoryGuess, confident, type SuggestState, useSuggestion } from './classification';
import { type AutoFilled, PRIORITY_AUTO, type SuggestedField, type Values } from './form-values';
import type { FieldState } from './Suggestions';

const NOTHING_AUTO: AutoFilled = { category: false, priority: false, grade: false };
type Chosen = 'categoryId' | 'priority';
const FIELD_OF: Record<Chosen, SuggestedField> = { categoryId: 'category', priority: 'priority' };

export interface AutoClassification {
  suggestion: SuggestState;
  /** What the form holds because a suggestion was confident (read at submission: those are left to the API). */
  current(): AutoFilled;
  auto: AutoFilled;
  fields: Record<SuggestedField, FieldState>;
  adoptCategory(guess: CategoryGuess): void;
  adoptPriority(value: string): void;
  /** For the form's onValuesChange: the agent's own change ends what a suggestion filled in. */
  onValuesChange(changed: Partial<Values>): void;
}

/**
 * 智能分类 on the form: suggestions for the words typed fill in what the agent has not touched when
 * they are confident, and never overwrite the agent's own choice.
 */
export function useAutoClassification(form: FormInstance<Values>): AutoClassification {
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const categoryId = Form.useWatch('categoryId', form);
  const priority = Form.useWatch('priority', form);
  const majorReasons = Form.useWatch('majorReasons', form);
  const suggestion = useSuggestion(title, content);
  const [auto, setAuto] = useState<AutoFilled>(NOTHING_AUTO);
  const autoRef = useRef(auto);

  useEffect(() => {
    if (suggestion.state !== 'ready') return;
    const s = suggestion.suggestion;
    const was = autoRef.current;
    const next = { ...was };
    // Nor change a field under the agent's cursor (a suggestion arriving while they search the categories).
    const untouched = (name: Chosen) =>
      document.activeElement?.id !== name && (!form.isFieldTouched(name) || was[FIELD_OF[name]]);
    if (untouched('categoryId')) {
      const sure = s.category && confident(s, s.category.confidence);
      next.category = !!sure;
      if (s.category && sure)
        form.setFieldValue(
          'categoryId',
          s.category.path.map((p) => p.id),
        );
      else if (was.category) form.setFieldValue('categoryId', undefined);
    }
    if (untouched('priority')) {
      const sure = s.priority && confident(s, s.priority.confidence);
      next.priority = !!sure;
      if (s.priority && sure) form.setFieldValue('priority', s.priority.value);
      else if (was.priority) form.setFieldValue('priority', undefined);
    }
    next.grade = s.grade?.value === 'major' && confident(s, s.grade.confidence);
    autoRef.current = next;
    setAuto(next);
  }, [suggestion, form]);

  const ownChoice = (field: SuggestedField, name?: Chosen) => {
    autoRef.current = { ...autoRef.current, [field]: false };
    setAuto(autoRef.current);
    if (name) form.setFields([{ name, touched: true, errors: [] }]);
  };

  return {
    suggestion,
    current: () => autoRef.current,
    auto,
    fields: {
      category: { auto: auto.category, value: categoryId?.at(-1) ?? null },
      priority: { auto: auto.priority, value: priority && priority !== PRIORITY_AUTO ? priority : null },
      grade: { auto: auto.grade && !majorReasons?.length, value: majorReasons?.length ? 'major' : null },
    },
    adoptCategory: (guess) => {
      form.setFieldValue(
        'categoryId',
        guess.path.map((p) => p.id),
      );
      ownChoice('category', 'categoryId');
    },
    adoptPriority: (value) => {
      form.setFieldValue('priority', value);
      ownChoice('priority', 'priority');
    },
    onValuesChange: (changed) => {
      if ('categoryId' in changed) ownChoice('category');
      if ('priority' in changed) ownChoice('priority');
    },
  };
}
