import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { Owner } from '../api';
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
      <Input.TextArea
        aria-label={t('portal.withdraw.reason')}
        placeholder={t('portal.withdraw.reason')}
        value={reason}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        onChange={(e) => setReason(e.target.value)}
      />
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
