import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi, useApiMutation } from '../../../../api/hooks';
import { OPEN_STATUSES, type Status } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { useSession } from '../../../session';
import { chosen, required } from '../actions/fields';
import type { ComplaintDetail } from '../contract';
import { FormModal } from '../FormModal';
import { formatTime } from '../format';
import { EXTENSION_READS, type Extension, ExtensionDecision } from './ExtensionDecision';

const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };
const COLOR = { pending: 'gold', approved: 'green', refused: 'default' } as const;
/** Who decides an extension: the handler's superiors (the server says so again). */
export const DECIDERS = ['supervisor', 'manager', 'executive'];

/** 延期: the complaint's extension requests, asking for one, and a superior's decision. */
export function ExtensionsCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { user, has } = useSession();
  const list = useApi('/complaints/:number/extensions', { params: { number: c.number } });
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ extension: Extension; approve: boolean } | null>(null);
  const data = list.data;
  const open = OPEN_STATUSES.includes(c.status as Status);
  const pending = data?.items.some((e) => e.status === 'pending') ?? false;
  const mayAsk = open && c.allowedActions.includes('update') && !pending;
  const mayDecide = (e: Extension) =>
    open && e.status === 'pending' && has(...DECIDERS) && e.requestedBy?.id !== user?.userId;
  return (
    <Card
      title={t('ext.title')}
      size="small"
      id="complaint-extensions"
      extra={
        mayAsk && (
          <Button size="small" onClick={() => setAsking(true)}>
            {t('ext.request')}
          </Button>
        )
      }
    >
      {!data?.items.length ? (
        <Typography.Text type="secondary">{t('ext.empty')}</Typography.Text>
      ) : (
        data.items.map((e) => (
          <div key={e.id} style={ROW} data-testid={`extension-${e.id}`}>
            <Flex justify="space-between" align="start" gap={8} wrap>
              <Space wrap>
                <Tag color={COLOR[e.status]}>{t(`ext.status.${e.status}`)}</Tag>
                <Typography.Text strong>{t('ext.daysText', { days: e.days })}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('ext.requestedBy', {
                    name: e.requestedBy?.name ?? '—',
                    time: formatTime(e.requestedAt),
                  })}
                </Typography.Text>
              </Space>
              {mayDecide(e) && (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => setDeciding({ extension: e, approve: true })}
                  >
                    {t('ext.approve')}
                  </Button>
                  <Button danger size="small" onClick={() => setDeciding({ extension: e, approve: false })}>
                    {t('ext.refuse')}
                  </Button>
                </Space>
              )}
            </Flex>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{e.reason}</div>
            {e.decidedBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ext.decidedBy', { name: e.decidedBy.name, time: formatTime(e.decidedAt) })}
                {e.comment ? ` · ${e.comment}` : ''}
                {e.expectedAt ? ` · ${t('ext.expected', { time: formatTime(e.expectedAt) })}` : ''}
              </Typography.Text>
            )}
          </div>
        ))
      )}
      {asking && data && (
        <RequestExtension
          number={c.number}
          approved={data.approvedDays}
          max={data.maxDays}
          onClose={() => setAsking(false)}
        />
      )}
      {deciding && <ExtensionDecision {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function RequestExtension(props: { number: string; approved: number; max: number; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const ask = useApiMutation('POST', '/complaints/:number/extensions', { invalidates: [...EXTENSION_READS] });
  const submit = async (values: Record<string, unknown>) => {
    await ask.mutateAsync({
      params: { number: props.number },
      body: { days: Number(values.days), reason: String(values.reason).trim() },
    });
    message.success(t('ext.requested'));
    props.onClose();
  };
  return (
    <FormModal
      name="request_extension"
      title={t('ext.requestTitle', { number: props.number })}
      submit={submit}
      pending={ask.isPending}
      onClose={props.onClose}
      initialValues={{ days: 1 }}
    >
      <Form.Item
        name="days"
        label={t('ext.days')}
        rules={chosen(t)}
        extra={t('ext.daysHelp', { approved: props.approved, max: props.max })}
      >
        <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('ext.reason')} rules={required(t)} extra={t('ext.reasonHelp')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
