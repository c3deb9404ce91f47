import { Alert, App, Checkbox, Form, Input, Modal, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CallInput, EndpointAt } from '../../../api/call';
import { showFieldErrors } from '../../../api/form-errors';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import type { Visit } from './ReturnVisitsPage';
import { SurveyFields } from './SurveyFields';

type Body = CallInput<EndpointAt<'POST', '/return-visits/:id/calls'>>['body'];
interface Values {
  reached: boolean;
  note?: string;
  nextAttemptOn?: string;
  withSurvey?: boolean;
  survey?: NonNullable<Body['survey']>;
  withProblem?: boolean;
  newProblem?: NonNullable<Body['newProblem']>;
}

/** 记录回访: reached or not; when reached, the survey on the customer's behalf and a new problem. */
export function CallDialog({ visit, onClose }: { visit: Visit; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const record = useApiMutation('POST', '/return-visits/:id/calls', {
    invalidates: ['/return-visits', '/complaints/:number/return-visits', '/complaints/:number'],
  });
  const reached = Form.useWatch('reached', form);
  const withSurvey = Form.useWatch('withSurvey', form);
  const withProblem = Form.useWatch('withProblem', form);

  const submit = async () => {
    const v = await form.validateFields();
    const body: Body = {
      reached: v.reached,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(!v.reached && v.nextAttemptOn ? { nextAttemptOn: v.nextAttemptOn } : {}),
      ...(v.reached && v.withSurvey && v.survey ? { survey: v.survey } : {}),
      ...(v.reached && v.withProblem && v.newProblem ? { newProblem: v.newProblem } : {}),
    };
    try {
      setProblem(null);
      const answer = await record.mutateAsync({ params: { id: visit.id }, body });
      message.success(t('rv.saved'));
      if (answer.newComplaintNumber) setOpened(answer.newComplaintNumber);
      else onClose();
    } catch (error) {
      setProblem(showFieldErrors(form, error).join(' ') || null);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('rv.dialog.title', { number: visit.complaintNumber })}
      okText={opened ? undefined : t('rv.call')}
      onOk={opened ? onClose : submit}
      onCancel={onClose}
      confirmLoading={record.isPending}
      cancelButtonProps={opened ? { style: { display: 'none' } } : {}}
      destroyOnHidden
    >
      {opened ? (
        <Result
          status="success"
          title={t('rv.opened', { number: opened })}
          extra={
            <Link to={`/complaints/${opened}`} data-testid="new-complaint-link">
              {t('rv.openNew')}
            </Link>
          }
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ reached: true }}>
          <Typography.Paragraph type="secondary">
            {visit.title} · {visit.complainantName}
          </Typography.Paragraph>
          <Form.Item name="reached" label={t('rv.reached')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('rv.reached.yes') },
                { value: false, label: t('rv.reached.no') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('rv.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {reached === false && (
            <Form.Item name="nextAttemptOn" label={t('rv.nextAttemptOn')} extra={t('rv.nextAttemptHint')}>
              <Input type="date" />
            </Form.Item>
          )}
          {reached !== false && (
            <>
              <Form.Item name="withSurvey" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('rv.survey')}</Checkbox>
              </Form.Item>
              {withSurvey && <SurveyFields prefix={['survey']} />}
              <Form.Item name="withProblem" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('rv.newProblem')}</Checkbox>
              </Form.Item>
              {withProblem && (
                <>
                  <Form.Item
                    name={['newProblem', 'title']}
                    label={t('rv.newProblem.title')}
                    rules={[{ required: true, whitespace: true, message: t('rv.required') }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={['newProblem', 'content']}
                    label={t('rv.newProblem.content')}
                    rules={[{ required: true, whitespace: true, message: t('rv.required') }]}
                  >
                    <Input.TextArea rows={3} maxLength={20000} />
                  </Form.Item>
                </>
              )}
            </>
          )}
          {problem && <Alert type="error" showIcon title={problem} />}
        </Form>
      )}
    </Modal>
  );
}
