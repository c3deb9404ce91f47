import { App, Form, Input, Typography } from 'antd';
import type { CallOutput, EndpointAt } from '../../../../api/call';
import { useApiMutation } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';
import { ReasonField } from '../actions/fields';
import { COMPLAINT_READS } from '../contract';
import { FormModal } from '../FormModal';

export type Extension = CallOutput<EndpointAt<'GET', '/complaints/:number/extensions'>>['items'][number];

/** What a change of extensions may alter: the complaint's deadlines, its extensions, the superiors' list. */
export const EXTENSION_READS = [
  ...COMPLAINT_READS,
  '/complaints/:number/extensions',
  '/extensions/pending',
] as const;

/** Approve or refuse a pending extension request (the complaint page and the approvals page). */
export function ExtensionDecision({
  extension: e,
  approve,
  onClose,
}: {
  extension: Extension;
  approve: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const opts = { invalidates: [...EXTENSION_READS] };
  const approving = useApiMutation('POST', '/complaints/:number/extensions/:id/approve', opts);
  const refusing = useApiMutation('POST', '/complaints/:number/extensions/:id/refuse', opts);
  const params = { number: e.number, id: e.id };
  const submit = async (values: Record<string, unknown>) => {
    const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
    if (approve) await approving.mutateAsync({ params, body: comment ? { comment } : {} });
    else await refusing.mutateAsync({ params, body: { comment } });
    message.success(approve ? t('ext.approved', { days: e.days }) : t('ext.refused'));
    onClose();
  };
  return (
    <FormModal
      name={approve ? 'approve_extension' : 'refuse_extension'}
      title={t(approve ? 'ext.approveTitle' : 'ext.refuseTitle', { number: e.number })}
      submit={submit}
      pending={approving.isPending || refusing.isPending}
      onClose={onClose}
      danger={!approve}
    >
      <Typography.Paragraph>
        {t('ext.daysText', { days: e.days })} · {e.reason}
      </Typography.Paragraph>
      {approve ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('ext.approveHelp', { days: e.days })}
          </Typography.Paragraph>
          <Form.Item name="comment" label={t('ext.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ) : (
        <ReasonField name="comment" label={t('ext.refuseReason')} />
      )}
    </FormModal>
  );
}
