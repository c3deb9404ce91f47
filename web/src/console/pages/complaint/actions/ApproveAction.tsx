import { Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import { yuan } from '../format';
import { complaintAction, type FieldsProps } from './ActionForm';
import { CommentField } from './fields';

function ApproveFields({ complaint }: FieldsProps) {
  const { t } = useI18n();
  const pending = complaint.remedies.find((r) => r.status === 'pending');
  return (
    <>
      {pending && (
        <Typography.Paragraph>
          {t('cp.approve.remedy', { amount: yuan(pending.amount), description: pending.description })}
        </Typography.Paragraph>
      )}
      <CommentField />
    </>
  );
}

/** 批准: the pending remedy, named with its amount, approved with an optional comment. */
export const ApproveAction = complaintAction('approve', 'POST', '/complaints/:number/approve', ApproveFields);
