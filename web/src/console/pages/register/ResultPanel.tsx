import { Alert, Button, Card, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { pathLabel } from './classification';
import { COLUMNS, Destination } from './Destination';
import type { Registered } from './vocab';

export interface Outcome {
  registered: Registered;
  uploaded: number;
  uploadErrors: string[];
}

/** After registering: the number (copyable), its status, possible duplicates and what to do next. */
export function ResultPanel({ outcome, onAnother }: { outcome: Outcome; onAnother(): void }) {
  const { t, term, locale } = useI18n();
  const navigate = useNavigate();
  const r = outcome.registered;
  const duplicates = r.possibleDuplicates ?? [];
  // What the API filled in from its prediction (智能分类), so that the agent sees it once more.
  const c = r.classification;
  const applied = [
    c?.applied.category &&
      c.category &&
      `${t('classify.category')} ${pathLabel(c.category.path, locale === 'en')}`,
    c?.applied.priority && `${t('classify.priority')} ${term('priority', r.priority)}`,
    c?.applied.grade && `${t('classify.grade')} ${term('grade', r.grade)}`,
  ].filter(Boolean);
  return (
    <Card data-testid="register-result">
      <Result
        status="success"
        title={t('register.result.title')}
        subTitle={
          <Typography.Text copyable strong style={{ fontSize: 20 }} data-testid="registered-number">
            {r.number}
          </Typography.Text>
        }
        extra={
          <Flex gap={8} justify="center">
            <Button type="primary" onClick={() => navigate(`/complaints/${r.number}`)}>
              {t('register.result.open')}
            </Button>
            <Button onClick={onAnother} autoFocus>
              {t('register.result.another')}
            </Button>
          </Flex>
        }
      />
      <Descriptions
        size="small"
        column={COLUMNS}
        items={[
          {
            key: 'status',
            label: t('register.result.status'),
            children: <span data-testid="registered-status">{term('status', r.status)}</span>,
          },
          { key: 'priority', label: t('register.result.priority'), children: term('priority', r.priority) },
          {
            key: 'grade',
            label: t('register.result.grade'),
            children: <Tag color={r.grade === 'major' ? 'red' : undefined}>{term('grade', r.grade)}</Tag>,
          },
        ]}
      />
      {r.status === 'received' && <Destination number={r.number} />}
      {applied.length > 0 && (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          data-testid="auto-applied"
          title={t('classify.appliedResult', { fields: applied.join(locale === 'en' ? '; ' : '；') })}
        />
      )}
      {outcome.uploaded > 0 && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          title={t('register.result.evidenceUploaded', { count: outcome.uploaded })}
        />
      )}
      {outcome.uploadErrors.map((e) => (
        <Alert key={e} type="error" style={{ marginTop: 12 }} title={e} />
      ))}
      {r.repeat && <Alert type="info" style={{ marginTop: 12 }} title={t('register.result.repeat')} />}
      {duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="possible-duplicates"
          title={t('register.result.duplicates')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {duplicates.map((d) => (
                <li key={d.number}>
                  <Link to={`/complaints/${d.number}`}>{d.number}</Link> {term('status', d.status)} ·{' '}
                  {d.reasons
                    .map((reason) =>
                      t(
                        reason === 'same_waybill'
                          ? 'register.result.duplicateReason.same_waybill'
                          : 'register.result.duplicateReason.same_customer',
                      ),
                    )
                    .join(', ')}{' '}
                  · <Link to={`/complaints/${r.number}`}>{t('register.result.mergeHint')}</Link>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
