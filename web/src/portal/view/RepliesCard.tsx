import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { CustomerReply } from '../api';
import { when } from './format';

const SECTIONS = ['summary', 'actions', 'result', 'basis', 'followUp'] as const;

/** The staff's answers (interim and final), each in its sections. */
export function RepliesCard({ replies }: { replies: CustomerReply[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('portal.replies.heading')} data-testid="replies">
      {replies.length === 0 ? (
        <Typography.Text type="secondary">{t('portal.replies.none')}</Typography.Text>
      ) : (
        replies.map((r) => <ReplyBlock key={`${r.kind}-${r.sentAt}-${r.summary}`} reply={r} />)
      )}
    </Card>
  );
}

function ReplyBlock({ reply }: { reply: CustomerReply }) {
  const { t } = useI18n();
  const section = (key: (typeof SECTIONS)[number]): ReactNode =>
    reply[key] ? (
      <div key={key}>
        <div className="portal-section-title">{t(`portal.replies.${key}`)}</div>
        <Typography.Paragraph className="portal-wrap" style={{ marginBottom: 4 }}>
          {reply[key]}
        </Typography.Paragraph>
      </div>
    ) : null;
  return (
    <div data-testid="reply" style={{ marginBottom: 8 }}>
      {SECTIONS.map(section)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.replies.sentAt', { time: when(reply.sentAt) })}
      </Typography.Text>
    </div>
  );
}
