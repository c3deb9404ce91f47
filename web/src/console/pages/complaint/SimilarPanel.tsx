import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import type { RecommendedRemedy, SimilarAnswer, SimilarComplaint } from './contract';
import { formatTime, yuan } from './format';
import { useTermOf } from './useTermOf';

const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

/** 相似投诉: how similar past complaints were judged, remedied and answered, and the 推荐方案. */
export function SimilarPanel({
  number,
  onUseRemedy,
}: {
  number: string;
  /** Present when this user may propose a remedy now: pre-fills the remedy form. */
  onUseRemedy?: (remedy: RecommendedRemedy) => void;
}) {
  const { t } = useI18n();
  const similar = useApi('/complaints/:number/similar', { params: { number }, query: { limit: 5 } });
  const answer: SimilarAnswer | null = similar.data ?? null;
  const failed = similar.isError;

  return (
    <Card title={t('similar.title')} size="small" data-testid="similar-complaints">
      {failed ? (
        <Typography.Text type="secondary">{t('similar.unavailable')}</Typography.Text>
      ) : !answer ? (
        <Spin />
      ) : (
        <Flex vertical gap={8}>
          {answer.recommendedRemedy && <Recommended remedy={answer.recommendedRemedy} onUse={onUseRemedy} />}
          {answer.items.length === 0 ? (
            <Typography.Text type="secondary">{t('similar.empty')}</Typography.Text>
          ) : (
            answer.items.map((s) => <SimilarRow key={s.number} item={s} />)
          )}
        </Flex>
      )}
    </Card>
  );
}

function Recommended({
  remedy,
  onUse,
}: {
  remedy: RecommendedRemedy;
  onUse?: (r: RecommendedRemedy) => void;
}) {
  const { t } = useI18n();
  const termOf = useTermOf();
  return (
    <Alert
      type="success"
      icon={<BulbOutlined />}
      showIcon
      data-testid="recommended-remedy"
      title={
        <Space wrap>
          <Typography.Text strong>{t('similar.recommended')}</Typography.Text>
          {remedy.kinds.map((k) => (
            <Tag key={k}>{termOf('remedy', k)}</Tag>
          ))}
          <Typography.Text strong>{yuan(remedy.amount)}</Typography.Text>
        </Space>
      }
      description={
        <Typography.Text type="secondary">
          {t('similar.recommendedBasis', { count: remedy.basedOn })}{' '}
          {remedy.numbers.map((n) => (
            <Link key={n} to={`/complaints/${n}`} style={{ marginRight: 8 }}>
              {n}
            </Link>
          ))}
        </Typography.Text>
      }
      action={
        onUse && (
          <Button size="small" type="primary" onClick={() => onUse(remedy)}>
            {t('similar.useRemedy')}
          </Button>
        )
      }
    />
  );
}

function SimilarRow({ item: s }: { item: SimilarComplaint }) {
  const { t, term, locale } = useI18n();
  const termOf = useTermOf();
  return (
    <div style={ROW} data-testid={`similar-${s.number}`}>
      <Flex vertical gap={4}>
        <Space wrap size={[8, 4]}>
          <Link to={`/complaints/${s.number}`}>{s.number}</Link>
          <Typography.Text strong>{s.title}</Typography.Text>
          <Tag color="blue">{t('similar.score', { score: Math.round(s.score * 100) })}</Tag>
          <Tag>{locale === 'en' ? s.category.nameEn : s.category.nameZh}</Tag>
          <Tag>{term('status', s.status)}</Tag>
          {s.isCase && <Tag color="gold">{t('similar.case')}</Tag>}
          {s.closedAt && (
            <Typography.Text type="secondary">
              {t('similar.closedAt', { time: formatTime(s.closedAt) })}
            </Typography.Text>
          )}
        </Space>
        {s.judgement && (
          <Typography.Text>
            <Typography.Text type="secondary">{t('similar.judgement')}: </Typography.Text>
            {termOf('liable', s.judgement.liableParty)}
            {s.judgement.degree && ` · ${termOf('degree', s.judgement.degree)}`}
            {s.judgement.basis && ` · ${s.judgement.basis}`}
          </Typography.Text>
        )}
        {s.remedies.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: remedies of a past complaint are listed as they are, never reordered
          <Space key={i} wrap size={[4, 4]}>
            <Typography.Text type="secondary">{t('similar.remedy')}:</Typography.Text>
            {r.kinds.map((k) => (
              <Tag key={k}>{termOf('remedy', k)}</Tag>
            ))}
            <Typography.Text strong>{yuan(r.amount)}</Typography.Text>
            <Tag color={r.status === 'rejected' ? 'red' : 'green'}>{termOf('remedyStatus', r.status)}</Tag>
            <Typography.Text>{r.description}</Typography.Text>
          </Space>
        ))}
        {s.reply && (
          <Typography.Text ellipsis={{ tooltip: s.reply.summary }}>
            <Typography.Text type="secondary">{t('similar.reply')}: </Typography.Text>
            {s.reply.summary}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
