import { App, Button, Card, Flex, Form, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { showFieldErrors } from '../../../api/form-errors';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { useSession } from '../../session';
import type { ComplaintDetail } from '../complaint/contract';
import { formatTime } from '../complaint/format';
import { SurveyFields } from './SurveyFields';

const STATUS_COLOURS: Record<string, string> = { scheduled: 'blue', done: 'green', unreached: 'orange' };
const SURVEY_OPEN = ['replied', 'resolved', 'closed'];

/** 回访 on the complaint page: its return visit(s), and a phone survey staff may take down. */
export function ReturnVisitsCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { has } = useSession();
  const reads = has('agent', 'supervisor', 'manager', 'executive', 'auditor', 'admin');
  const visits = useApi(
    '/complaints/:number/return-visits',
    { params: { number: c.number } },
    { enabled: reads },
  );
  const [surveying, setSurveying] = useState(false);
  const mayRecord =
    has('agent', 'supervisor', 'manager') &&
    SURVEY_OPEN.includes(c.status) &&
    !c.surveys.some((s) => s.source === 'phone');
  const items = visits.data?.items ?? [];
  if (!reads || (!items.length && !mayRecord)) return null;
  return (
    <Card
      title={t('rv.card')}
      size="small"
      data-testid="return-visits-card"
      extra={
        mayRecord && (
          <Button size="small" onClick={() => setSurveying(true)}>
            {t('survey.recordPhone')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {items.map((v) => (
          <Space key={v.id} wrap data-testid={`return-visit-${v.id}`}>
            <Tag color={STATUS_COLOURS[v.status]}>{t(`rv.status.${v.status}`)}</Tag>
            <Typography.Text>{t('rv.card.due', { day: v.dueOn })}</Typography.Text>
            <Typography.Text type="secondary">
              {t('rv.attempts')} {v.attempts}
            </Typography.Text>
            {v.lastCalledAt && (
              <Typography.Text type="secondary">
                {t('rv.card.by', { name: v.lastCalledBy ?? '', time: formatTime(v.lastCalledAt) })}
              </Typography.Text>
            )}
            {v.note && <Typography.Text>{v.note}</Typography.Text>}
            {v.newComplaintNumber && (
              <span>
                {t('rv.card.newComplaint')}:{' '}
                <Link to={`/complaints/${v.newComplaintNumber}`}>{v.newComplaintNumber}</Link>
              </span>
            )}
          </Space>
        ))}
      </Flex>
      {surveying && <PhoneSurveyDialog number={c.number} onClose={() => setSurveying(false)} />}
    </Card>
  );
}

function PhoneSurveyDialog({ number, onClose }: { number: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useApiMutation('POST', '/complaints/:number/phone-survey', {
    invalidates: ['/complaints/:number'],
  });
  const submit = async () => {
    const { survey } = await form.validateFields();
    try {
      await record.mutateAsync({ params: { number }, body: survey });
      message.success(t('survey.recorded'));
      onClose();
    } catch (error) {
      const rest = showFieldErrors(form, error);
      if (rest.length) message.error(rest.join(' '));
    }
  };
  return (
    <Modal
      open
      title={t('survey.recordPhone')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <SurveyFields prefix={['survey']} />
      </Form>
    </Modal>
  );
}
