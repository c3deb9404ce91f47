import { Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import { yuan } from '../format';
import { ActionForm, type ActionProps } from './ActionForm';
import { CommentField } from './fields';

/** 批准: the pending remedy, named with its amount, approved with an optional comment. */
export function ApproveAction(props: ActionProps) {
  const { t } = useI18n();
  const pending = props.complaint.remedies.find((r) => r.status === 'pending');
  return (
    <ActionForm action="approve" props={props} method="POST" url="/complaints/:number/approve">
      {pending && (
        <Typography.Paragraph>
          {t('cp.approve.remedy', { amount: yuan(pending.amount), description: pending.description })}
        </Typography.Paragraph>
      )}
      <CommentField />
    </ActionForm>
  );
}
