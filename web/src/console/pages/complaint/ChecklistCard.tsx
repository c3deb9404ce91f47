import { CheckCircleFilled, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type ChecklistStep, COMPLAINT_READS, type ComplaintDetail } from './contract';
import { formatTime } from './format';

/** 处置清单: the steps of the playbooks attached to the complaint, ticked with who and when. */
export function ChecklistCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const checklist = useApi('/complaints/:number/checklist', { params: { number: c.number } });
  const steps = checklist.data?.items ?? [];
  if (steps.length === 0) return null;
  const required = steps.filter((s) => s.required);
  const playbooks = [...new Set(steps.map((s) => s.playbookId))];
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('playbook.section')}
        </Space>
      }
      size="small"
      data-testid="complaint-checklist"
      extra={
        <Tag color={required.every((s) => s.doneAt) ? 'green' : 'orange'} data-testid="checklist-progress">
          {t('playbook.progress', { done: required.filter((s) => s.doneAt).length, total: required.length })}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        {playbooks.map((id) => (
          <Playbook
            key={id}
            number={c.number}
            steps={steps.filter((s) => s.playbookId === id)}
            mayTick={checklist.data?.mayTick ?? false}
          />
        ))}
        {required.some((s) => !s.doneAt) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('playbook.openBeforeReply')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function Playbook({ number, steps, mayTick }: { number: string; steps: ChecklistStep[]; mayTick: boolean }) {
  const { locale } = useI18n();
  const first = steps[0];
  if (!first) return null;
  return (
    <div>
      <Typography.Text strong>
        {locale === 'en' ? first.playbookNameEn : first.playbookNameZh}
      </Typography.Text>
      <Flex vertical gap={6} style={{ marginTop: 6 }}>
        {steps.map((s) => (
          <Step key={s.id} number={number} step={s} mayTick={mayTick} />
        ))}
      </Flex>
    </div>
  );
}

function Step({ number, step: s, mayTick }: { number: string; step: ChecklistStep; mayTick: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [undoing, setUndoing] = useState(false);
  const [reason, setReason] = useState('');
  const tick = useApiMutation('PUT', '/complaints/:number/checklist/:stepId', {
    invalidates: [...COMPLAINT_READS],
  });
  const send = (done: boolean) =>
    tick.mutate(
      { params: { number, stepId: s.id }, body: done ? { done } : { done, reason: reason.trim() } },
      {
        onSuccess: () => {
          setUndoing(false);
          setReason('');
          message.success(t(done ? 'playbook.ticked' : 'playbook.unticked'));
        },
        onError: (e) => message.error(e.title),
      },
    );
  const en = locale === 'en';
  return (
    <Flex
      gap={8}
      align="flex-start"
      data-testid={`checklist-step-${s.id}`}
      style={{ padding: 8, borderRadius: 6, background: s.doneAt ? '#f6ffed' : '#fafafa' }}
    >
      <CheckCircleFilled style={{ color: s.doneAt ? '#52c41a' : '#d9d9d9', marginTop: 4 }} />
      <Flex vertical flex={1} gap={2}>
        <Space size={4} wrap>
          <Typography.Text>{en ? s.textEn : s.textZh}</Typography.Text>
          <Tag color={s.required ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(s.required ? 'playbook.required' : 'playbook.optional')}
          </Tag>
        </Space>
        {s.documents.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <FileSearchOutlined /> {t('playbook.documents')}:{' '}
            {s.documents.map((d) => (en ? d.en : d.zh)).join('、')}
          </Typography.Text>
        )}
        {s.doneAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="checklist-done-by">
            {t('playbook.doneBy', { name: s.doneBy?.name ?? '—', time: formatTime(s.doneAt) })}
          </Typography.Text>
        )}
      </Flex>
      {mayTick &&
        (s.doneAt ? (
          <Button size="small" onClick={() => setUndoing(true)}>
            {t('playbook.untick')}
          </Button>
        ) : (
          <Button size="small" type="primary" loading={tick.isPending} onClick={() => send(true)}>
            {t('playbook.tick')}
          </Button>
        ))}
      <Modal
        open={undoing}
        title={t('playbook.untickTitle')}
        onCancel={() => setUndoing(false)}
        onOk={() => (reason.trim() ? send(false) : message.error(t('playbook.untickReasonRequired')))}
        confirmLoading={tick.isPending}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('playbook.untickReason')}
          placeholder={t('playbook.untickReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
