import { Button } from 'antd';
import { useI18n } from '../../i18n';
import type { CustomerView, Owner } from '../api';
import { ComplaintDetails } from './ComplaintDetails';
import { ConfirmationCard } from './ConfirmationCard';
import { EvidenceCard } from './EvidenceCard';
import { MessagesCard } from './MessagesCard';
import { ProgressCard } from './ProgressCard';
import { RepliesCard } from './RepliesCard';
import { SurveyCard } from './SurveyCard';
import { WithdrawCard } from './WithdrawCard';

/** The complaint as its complainant sees it: progress, answers, confirmation, survey, messages, files. */
export function ComplaintView({
  view,
  owner,
  onForget,
}: {
  view: CustomerView;
  owner: Owner;
  onForget(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <ProgressCard view={view} />
      <RepliesCard replies={view.replies} />
      {(view.mayConfirm || view.confirmation) && <ConfirmationCard view={view} owner={owner} />}
      {(view.maySurvey || view.survey) && <SurveyCard view={view} owner={owner} />}
      <ComplaintDetails view={view} />
      <MessagesCard view={view} owner={owner} />
      <EvidenceCard view={view} owner={owner} />
      {view.mayWithdraw && <WithdrawCard owner={owner} />}
      <Button type="link" onClick={onForget} block>
        {t('portal.view.forget')}
      </Button>
    </>
  );
}
