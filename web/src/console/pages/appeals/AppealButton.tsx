import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { required } from '../complaint/actions/fields';
import { FormModal, type Values } from '../complaint/FormModal';
import { APPEAL_READS } from './reads';

/**
 * 申诉: the button and form that file an appeal, against a complaint's judgement (`number`) or a
 * quality check (`qualityCheckId`): on the quality-check page it is one line,
 * `<AppealButton qualityCheckId={check.id} />` (the server says whether the actor may).
 */
export function AppealButton(
  props: ({ number: string; qualityCheckId?: undefined } | { qualityCheckId: number; number?: undefined }) & {
    windowEndsAt?: string | null;
  },
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const onJudgement = useApiMutation('POST', '/complaints/:number/appeals', {
    invalidates: [...APPEAL_READS],
  });
  const onCheck = useApiMutation('POST', '/quality-checks/:id/appeals', { invalidates: [...APPEAL_READS] });
  const submit = async (values: Values) => {
    const evidence = String(values.evidence ?? '').trim();
    const body = { reason: String(values.reason).trim(), ...(evidence ? { evidence } : {}) };
    if (props.qualityCheckId !== undefined)
      await onCheck.mutateAsync({ params: { id: props.qualityCheckId }, body });
    else await onJudgement.mutateAsync({ params: { number: props.number }, body });
    message.success(t('appeal.filed'));
    setOpen(false);
  };
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="appeal-button">
        {t('appeal.file')}
      </Button>
      {open && (
        <FormModal
          name="appeal"
          title={
            props.qualityCheckId !== undefined
              ? t('appeal.fileCheckTitle', { id: props.qualityCheckId })
              : t('appeal.fileTitle', { number: props.number })
          }
          submit={submit}
          pending={onJudgement.isPending || onCheck.isPending}
          onClose={() => setOpen(false)}
        >
          <Form.Item name="reason" label={t('appeal.reason')} rules={required(t)}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="evidence" label={t('appeal.evidence')} extra={t('appeal.evidenceHelp')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
