import { App, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { ACTION_READS, type ActionView, problemText } from './shared';

type Step = 'progress' | 'done' | 'verify' | 'sendBack' | 'extend' | 'close';
interface Values {
  text: string;
  dueAt?: Dayjs;
  outcome?: 'effective' | 'not_effective';
}

/** What the caller may do with the action now: the owner's progress, the supervisor's verification. */
export function ActionButtons({ action: a }: { action: ActionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<Values>();
  const opts = { invalidates: [...ACTION_READS] };
  const progress = useApiMutation('POST', '/corrective-actions/:id/progress', opts);
  const done = useApiMutation('POST', '/corrective-actions/:id/done', opts);
  const verify = useApiMutation('POST', '/corrective-actions/:id/verify', opts);
  const extend = useApiMutation('PUT', '/corrective-actions/:id/due', opts);
  const close = useApiMutation('POST', '/corrective-actions/:id/close', opts);
  const params = { id: a.id };
  const running = a.status === 'open' || a.status === 'in_progress';
  const steps: Array<{ step: Step; show: boolean; primary?: boolean }> = [
    { step: 'progress', show: a.may.progress && running },
    { step: 'done', show: a.may.progress && a.status === 'in_progress', primary: true },
    { step: 'verify', show: a.may.manage && a.status === 'done', primary: true },
    { step: 'sendBack', show: a.may.manage && a.status === 'done' },
    { step: 'extend', show: a.may.manage && running },
    {
      step: 'close',
      show: a.may.manage && a.status === 'verified' && !!a.effectiveness?.complete,
      primary: true,
    },
  ];
  const label: Record<Step, string> = {
    progress: t('ca.action.progress'),
    done: t('ca.action.done'),
    verify: t('ca.action.verify'),
    sendBack: t('ca.action.sendBack'),
    extend: t('ca.action.extend'),
    close: t('ca.action.close'),
  };
  const textLabel =
    step === 'extend' || step === 'sendBack'
      ? t('ca.action.reason')
      : step === 'verify' || step === 'close'
        ? t('ca.action.comment')
        : step === 'done'
          ? t('ca.completionNote')
          : t('ca.action.note');
  const submit = async (v: Values) => {
    try {
      if (step === 'progress') await progress.mutateAsync({ params, body: { note: v.text } });
      if (step === 'done') await done.mutateAsync({ params, body: { note: v.text } });
      if (step === 'verify') await verify.mutateAsync({ params, body: { accept: true, comment: v.text } });
      if (step === 'sendBack') await verify.mutateAsync({ params, body: { accept: false, comment: v.text } });
      if (step === 'extend' && v.dueAt)
        await extend.mutateAsync({
          params,
          body: { dueAt: v.dueAt.endOf('day').toISOString(), reason: v.text },
        });
      if (step === 'close' && v.outcome)
        await close.mutateAsync({ params, body: { outcome: v.outcome, comment: v.text } });
      message.success(t('ca.saved'));
      setStep(null);
      form.resetFields();
    } catch (e) {
      message.error(problemText(e, t('common.error')));
    }
  };
  const shown = steps.filter((s) => s.show);
  if (shown.length === 0) return null;
  const required = [{ required: true, message: t('ca.required') }];
  return (
    <>
      <Space wrap>
        {shown.map((s) => (
          <Button key={s.step} type={s.primary ? 'primary' : 'default'} onClick={() => setStep(s.step)}>
            {label[s.step]}
          </Button>
        ))}
      </Space>
      <Modal
        open={step !== null}
        title={step ? label[step] : ''}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          data-testid="ca-step-form"
        >
          {step === 'extend' && (
            <Form.Item name="dueAt" label={t('ca.action.newDue')} rules={required}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          )}
          {step === 'close' && (
            <Form.Item name="outcome" label={t('ca.action.outcome')} rules={required}>
              <Radio.Group
                options={[
                  { value: 'effective', label: t('ca.outcome.effective') },
                  { value: 'not_effective', label: t('ca.outcome.not_effective') },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="text" label={textLabel} rules={required}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
