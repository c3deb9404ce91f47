import { OPEN_APPEAL_STATUSES } from '../../../../../src/modules/appeals/rules';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { ConfirmButton } from '../admin/crud/ConfirmButton';
import type { Appeal } from './AppealLevels';
import { APPEAL_READS } from './reads';

/** 撤回: the appellant takes back an appeal not yet decided; nothing for anyone else's. */
export function WithdrawAppeal({ appeal }: { appeal: Pick<Appeal, 'id' | 'status' | 'appellant'> }) {
  const { t } = useI18n();
  const { user } = useSession();
  const withdraw = useApiMutation('POST', '/appeals/:id/withdraw', { invalidates: [...APPEAL_READS] });
  if (appeal.appellant?.id !== user?.userId || !OPEN_APPEAL_STATUSES.includes(appeal.status)) return null;
  return (
    <ConfirmButton
      label={t('appeal.withdraw')}
      confirm={t('appeal.withdrawConfirm')}
      run={() => withdraw.mutateAsync({ params: { id: appeal.id } })}
      done={t('appeal.withdrawn')}
    />
  );
}
