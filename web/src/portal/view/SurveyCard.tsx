import { Alert, Button, Card, Radio, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { CustomerView, Owner } from '../api';
import { NoteInput } from './NoteInput';
import { useCustomerAction } from './use-customer-action';

const RATINGS = ['speed', 'effectiveness', 'attitude', 'transparency'] as const;
type Rating = (typeof RATINGS)[number];

/** The satisfaction survey, once after the answer; then the thanks with the scores given. */
export function SurveyCard({ view, owner }: { view: CustomerView; owner: Owner }) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Partial<Record<Rating, number>>>({});
  const [recommendation, setRecommendation] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const { run, busy } = useCustomerAction('/portal/complaints/:number/survey', owner);

  if (view.survey)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="survey-done"
        title={t('portal.survey.thanks')}
        description={t('portal.survey.done', {
          speed: view.survey.speed,
          effectiveness: view.survey.effectiveness,
          attitude: view.survey.attitude,
          transparency: view.survey.transparency,
          recommendation: view.survey.recommendation,
        })}
      />
    );
  const { speed, effectiveness, attitude, transparency } = scores;
  const send = async () => {
    if (!speed || !effectiveness || !attitude || !transparency || recommendation === null) {
      setIncomplete(true);
      return;
    }
    await run({
      speed,
      effectiveness,
      attitude,
      transparency,
      recommendation,
      ...(suggestions.trim() ? { suggestions: suggestions.trim() } : {}),
    });
  };
  const complete = RATINGS.every((r) => scores[r]) && recommendation !== null;
  return (
    <Card size="small" title={t('portal.survey.heading')} data-testid="survey">
      <Typography.Paragraph type="secondary">{t('portal.survey.intro')}</Typography.Paragraph>
      {RATINGS.map((r) => (
        <div
          key={r}
          data-testid={`survey-${r}`}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}
        >
          <span>{t(`portal.survey.${r}`)}</span>
          <Rate value={scores[r] ?? 0} onChange={(v) => setScores((s) => ({ ...s, [r]: v || undefined }))} />
        </div>
      ))}
      <div className="portal-section-title" id="portal-recommendation" style={{ marginBottom: 6 }}>
        {t('portal.survey.recommendation')}
      </div>
      <Radio.Group
        className="portal-recommend"
        optionType="button"
        aria-labelledby="portal-recommendation"
        data-testid="survey-recommendation"
        value={recommendation}
        onChange={(e) => setRecommendation(e.target.value as number)}
        options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))}
      />
      <NoteInput
        label={t('portal.survey.suggestions')}
        value={suggestions}
        onChange={setSuggestions}
        style={{ marginTop: 12 }}
      />
      {incomplete && !complete && (
        <Alert type="warning" showIcon title={t('portal.survey.incomplete')} style={{ marginTop: 8 }} />
      )}
      <Button type="primary" block size="large" loading={busy} onClick={send} style={{ marginTop: 12 }}>
        {t('portal.survey.submit')}
      </Button>
    </Card>
  );
}
