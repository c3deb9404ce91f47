import { App, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { COMPLAINT_READS, type ComplaintDetail, CURATE_CASE } from './contract';
import { formatTime } from './format';

const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

/** 留言: the conversation with the customer outside the formal reply; staff write here. */
export function MessagesCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const write = useApiMutation('POST', '/complaints/:number/messages', { invalidates: [...COMPLAINT_READS] });
  const canWrite = c.status !== 'closed' && c.allowedActions.some((a) => a !== CURATE_CASE);
  const send = () => {
    if (!body.trim()) return;
    write.mutate(
      { params: { number: c.number }, body: { body } },
      { onSuccess: () => setBody(''), onError: (e) => message.error(e.title) },
    );
  };
  return (
    <Card title={t('cp.section.messages')} size="small" id="complaint-messages">
      {c.messages.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noMessages')}</Typography.Text>
      ) : (
        c.messages.map((m) => (
          <div key={m.id} style={ROW}>
            <Space>
              <Tag color={m.author === 'customer' ? 'blue' : 'default'}>
                {m.author === 'customer' ? t('cp.message.customer') : t('cp.message.staff')}
              </Tag>
              {m.by?.name}
              <Typography.Text type="secondary">{formatTime(m.createdAt)}</Typography.Text>
            </Space>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</div>
          </div>
        ))
      )}
      {canWrite && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={2}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('cp.message.placeholder')}
            aria-label={t('cp.message.placeholder')}
          />
          <div>
            <Button onClick={send} loading={write.isPending} disabled={!body.trim()}>
              {t('cp.message.send')}
            </Button>
          </div>
        </Flex>
      )}
    </Card>
  );
}
