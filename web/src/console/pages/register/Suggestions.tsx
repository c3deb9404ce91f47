import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import {
  type CategoryGuess,
  confident,
  pathLabel,
  percent,
  type Suggestion,
  type SuggestState,
} from './classification';
import type { SuggestedField } from './form-values';

/** One suggested field as the card shows it. */
interface SuggestedLine {
  field: SuggestedField;
  value: string;
  confidence: number;
  suggested: number | string;
  adopt?: () => void;
}

/** A suggested field on the form: its value (a category id, a priority, 'major' when a reason is ticked) and whether a suggestion filled it in. */
export interface FieldState {
  auto: boolean;
  value: number | string | null;
}

interface Props {
  state: SuggestState;
  /** On the registration form: what the form holds; without it the card only shows (试一试). */
  fields?: Record<SuggestedField, FieldState>;
  onAdoptCategory?(guess: CategoryGuess): void;
  onAdoptPriority?(value: string): void;
}

/** 分类建议: the predicted category, priority and grade with their confidence, and the rule that fired. */
export function Suggestions({ state, fields, onAdoptCategory, onAdoptPriority }: Props) {
  const { t, term, locale } = useI18n();
  const en = locale === 'en';
  const shown: Suggestion | null =
    state.state === 'ready' ? state.suggestion : state.state === 'loading' ? state.last : null;
  // An alternative that would read "0%" is no alternative.
  const alternatives = (shown?.alternatives ?? []).filter((a) => percent(a.confidence) !== '0%');

  const body = () => {
    if (state.state === 'idle')
      return <Typography.Text type="secondary">{t('classify.waiting')}</Typography.Text>;
    if (state.state === 'failed')
      return <Typography.Text type="secondary">{t('classify.failed')}</Typography.Text>;
    if (!shown) return <Spin size="small" />;
    if (!shown.category && !shown.priority && !shown.grade)
      return <Typography.Text type="secondary">{t('classify.none')}</Typography.Text>;
    const status = (field: SuggestedField, suggested: number | string, adopt?: () => void) => {
      const f = fields?.[field];
      if (!f) return null;
      if (f.auto)
        return (
          <Tag color="blue" icon={<ThunderboltOutlined />} data-testid={`suggestion-${field}-auto`}>
            {t('classify.auto')}
          </Tag>
        );
      if (f.value === suggested)
        return (
          <Typography.Text type="secondary" data-testid={`suggestion-${field}-same`}>
            {t('classify.own')}
          </Typography.Text>
        );
      return adopt ? (
        <Button size="small" onClick={adopt} data-testid={`suggestion-${field}-adopt`}>
          {t('classify.adopt')}
        </Button>
      ) : null;
    };
    const { category, priority, grade } = shown;
    const lines: SuggestedLine[] = [
      category && {
        field: 'category' as const,
        value: pathLabel(category.path, en),
        confidence: category.confidence,
        suggested: category.id,
        adopt: onAdoptCategory && (() => onAdoptCategory(category)),
      },
      priority && {
        field: 'priority' as const,
        value: term('priority', priority.value),
        confidence: priority.confidence,
        suggested: priority.value,
        adopt: onAdoptPriority && (() => onAdoptPriority(priority.value)),
      },
      grade && {
        field: 'grade' as const,
        value: term('grade', grade.value),
        confidence: grade.confidence,
        suggested: grade.value,
      },
    ].filter((line) => !!line);
    return (
      <Flex vertical gap={8}>
        {shown.rule && (
          <Tag color="purple" data-testid="suggestion-rule" style={{ whiteSpace: 'normal' }}>
            {t('classify.rule', { name: shown.rule.name })}
          </Tag>
        )}
        {lines.map((line) => (
          <Line
            key={line.field}
            testId={`suggestion-${line.field}`}
            label={t(`classify.${line.field}` as const)}
            value={line.value}
            confidence={line.confidence}
            status={status(line.field, line.suggested, line.adopt)}
          />
        ))}
        {fields &&
          shown.grade?.value === 'major' &&
          !confident(shown, shown.grade.confidence) &&
          fields.grade.value !== 'major' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('classify.gradeHint')}
            </Typography.Text>
          )}
        {alternatives.length > 0 && (
          <Flex vertical gap={4} data-testid="suggestion-alternatives">
            <Typography.Text type="secondary">{t('classify.alternatives')}</Typography.Text>
            {alternatives.map((a) => (
              <Flex key={a.id} justify="space-between" align="center" gap={8}>
                <Typography.Text>
                  {pathLabel(a.path, en)}{' '}
                  <Typography.Text type="secondary">{percent(a.confidence)}</Typography.Text>
                </Typography.Text>
                {onAdoptCategory && fields?.category.value !== a.id && (
                  <Button size="small" type="link" onClick={() => onAdoptCategory(a)}>
                    {t('classify.adopt')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('classify.model', { model: shown.model, threshold: percent(shown.autoApplyAt) })}
        </Typography.Text>
      </Flex>
    );
  };

  return (
    <Card
      size="small"
      // One title that wraps in the narrow side column (a title beside an extra ended in "…" in English).
      title={
        <Flex wrap gap={4} align="center">
          {t('classify.title')}
          <Tag color="geekblue">{t('classify.smart')}</Tag>
          {state.state === 'loading' && <Spin size="small" />}
        </Flex>
      }
      data-testid="suggestions"
      aria-busy={state.state === 'loading'}
      style={{ marginTop: 12 }}
      styles={{ title: { whiteSpace: 'normal', padding: '4px 0' } }}
    >
      {body()}
    </Card>
  );
}

function Line(props: {
  testId: string;
  label: string;
  value: string;
  confidence: number;
  status: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap data-testid={props.testId}>
      <span>
        <Typography.Text type="secondary">
          {props.label}
          {locale === 'en' ? ': ' : '：'}
        </Typography.Text>
        <Typography.Text strong>{props.value}</Typography.Text>{' '}
        <Tag data-testid={`${props.testId}-confidence`}>
          {t('classify.confidence', { value: percent(props.confidence) })}
        </Tag>
      </span>
      {props.status}
    </Flex>
  );
}
