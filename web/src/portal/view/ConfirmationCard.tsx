import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { CustomerView, Owner } from '../api';
import { NoteInput } from './NoteInput';
import { useCustomerAction } from './use-customer-action';

/** After the answer: satisfied, or not with a comment (which reopens the complaint); then what was said. */
export function ConfirmationCard({ view, owner }: { view: CustomerView; owner: Owner }) {
  const { t } = useI18n();
  const [unhappy, setUnhappy] = useState(false);
  const [comment, setComment] = useState('');
  const { run, busy } = useCustomerAction('/portal/complaints/:number/confirmation', owner);
  const send = async (outcome: 'satisfied' | 'unsatisfied') => {
    if (await run({ outcome, ...(comment.trim() ? { comment: comment.trim() } : {}) })) setUnhappy(false);
  };
  if (!view.mayConfirm && view.confirmation)
    return (
      <Alert
        type={view.confirmation.outcome === 'satisfied' ? 'success' : 'info'}
        showIcon
        data-testid="confirmation"
        title={t(
          view.confirmation.outcome === 'satisfied'
            ? 'portal.confirm.doneSatisfied'
            : 'portal.confirm.doneUnsatisfied',
        )}
      />
    );
  return (
    <Card size="small" title={t('portal.confirm.heading')} data-testid="confirmation">
      {unhappy ? (
        <>
          <NoteInput label={t('portal.confirm.comment')} value={comment} onChange={setComment} minRows={3} />
          <div className="portal-actions" style={{ marginTop: 8 }}>
            <Button onClick={() => setUnhappy(false)} disabled={busy}>
              {t('portal.confirm.satisfied')}
            </Button>
            <Button type="primary" danger loading={busy} onClick={() => send('unsatisfied')}>
              {t('portal.confirm.send')}
            </Button>
          </div>
        </>
      ) : (
        <div className="portal-actions">
          <Button type="primary" size="large" loading={busy} onClick={() => send('satisfied')}>
            {t('portal.confirm.satisfied')}
          </Button>
          <Button size="large" disabled={busy} onClick={() => setUnhappy(true)}>
            {t('portal.confirm.unsatisfied')}
          </Button>
        </div>
      )}
    </Card>
  );
}
