import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import type { ComplaintDetail } from '../complaint/contract';
import { formatTime } from '../complaint/format';
import { AppealButton } from './AppealButton';
import { AppealLevels, STATUS_COLOR } from './AppealLevels';
import { WithdrawAppeal } from './WithdrawAppeal';

/** 申诉 on the complaint page: its appeals, and the button while the actor may appeal the judgement. */
export function AppealsCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const list = useApi('/complaints/:number/appeals', { params: { number: c.number } });
  const data = list.data;
  if (!data || (!data.mayAppeal && !data.items.length)) return null;
  return (
    <Card
      title={t('appeal.title')}
      size="small"
      data-testid="complaint-appeals"
      extra={
        data.mayAppeal && (
          <Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('appeal.window', { time: formatTime(data.windowEndsAt) })}
            </Typography.Text>
            <AppealButton number={c.number} />
          </Space>
        )
      }
    >
      {data.items.map((a) => (
        <Flex key={a.id} vertical gap={4} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space wrap>
            <Tag color={STATUS_COLOR[a.status]}>{t(`appeal.status.${a.status}`)}</Tag>
            <Tag>{t(`appeal.subject.${a.subjectKind}`)}</Tag>
            <Typography.Text type="secondary">
              {a.appellant?.name} · {formatTime(a.filedAt)}
            </Typography.Text>
            <WithdrawAppeal appeal={a} />
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</div>
          <AppealLevels appeal={a} />
        </Flex>
      ))}
    </Card>
  );
}
