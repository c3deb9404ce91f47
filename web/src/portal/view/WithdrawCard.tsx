import { Button, Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { Owner } from '../api';
import { NoteInput } from './NoteInput';
import { useCustomerAction } from './use-customer-action';

/** Withdraw the complaint (撤诉), with a reason, behind a second step. */
export function WithdrawCard({ owner }: { owner: Owner }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy } = useCustomerAction('/portal/complaints/:number/withdraw', owner);
  if (!open)
    return (
      <Button danger block onClick={() => setOpen(true)}>
        {t('portal.withdraw.button')}
      </Button>
    );
  return (
    <Card size="small" title={t('portal.withdraw.button')}>
      <NoteInput label={t('portal.withdraw.reason')} value={reason} onChange={setReason} />
      <div className="portal-actions" style={{ marginTop: 8 }}>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        <Button
          danger
          type="primary"
          loading={busy}
          disabled={!reason.trim()}
          onClick={() => run({ reason: reason.trim() })}
        >
          {t('portal.withdraw.confirm')}
        </Button>
      </div>
    </Card>
  );
}
