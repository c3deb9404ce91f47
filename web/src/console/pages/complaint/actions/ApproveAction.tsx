import { DatePicker, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { FULFILLED_KINDS } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { yuan } from '../format';
import { complaintAction, type FieldsProps } from './ActionForm';
import { CommentField } from './fields';
import { AssigneeSelect } from './pickers';

/** A date and time picked, sent as the API's ISO instant. */
const instant = {
  getValueProps: (iso: unknown) => ({ value: typeof iso === 'string' ? dayjs(iso) : undefined }),
  normalize: (d: unknown) => (dayjs.isDayjs(d) ? d.toISOString() : undefined),
};

function ApproveFields({ complaint }: FieldsProps) {
  const { t } = useI18n();
  const pending = complaint.remedies.find((r) => r.status === 'pending');
  const toCarryOut = pending?.kinds.some((k) => (FULFILLED_KINDS as readonly string[]).includes(k));
  return (
    <>
      {pending && (
        <Typography.Paragraph>
          {t('cp.approve.remedy', { amount: yuan(pending.amount), description: pending.description })}
        </Typography.Paragraph>
      )}
      {toCarryOut && (
        <>
          <Form.Item
            name={['fulfilment', 'ownerId']}
            label={t('ff.approve.owner')}
            extra={t('ff.approve.ownerHelp')}
          >
            <AssigneeSelect allowClear current={complaint.assignee} unitId={complaint.unit?.id} />
          </Form.Item>
          <Form.Item
            name={['fulfilment', 'dueAt']}
            label={t('ff.approve.due')}
            extra={t('ff.approve.dueHelp')}
            {...instant}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              data-testid="fulfilment-due"
            />
          </Form.Item>
        </>
      )}
      <CommentField />
    </>
  );
}

/** 批准: the pending remedy, named with its amount, approved with who carries it out by when and an optional comment. */
export const ApproveAction = complaintAction('approve', 'POST', '/complaints/:number/approve', ApproveFields);
