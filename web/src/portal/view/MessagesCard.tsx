import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { CustomerView, Owner } from '../api';
import { when } from './format';
import { NoteInput } from './NoteInput';
import { useCustomerAction } from './use-customer-action';

/** The conversation with the staff (留言), and a box to write. */
export function MessagesCard({ view, owner }: { view: CustomerView; owner: Owner }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const { run, busy } = useCustomerAction('/portal/complaints/:number/messages', owner);
  const send = async () => {
    if (body.trim() && (await run({ body: body.trim() }))) setBody('');
  };
  return (
    <Card size="small" title={t('portal.messages.heading')} data-testid="messages">
      <div className="portal-messages">
        {view.messages.length === 0 && (
          <Typography.Text type="secondary">{t('portal.messages.none')}</Typography.Text>
        )}
        {view.messages.map((m) => {
          const mine = m.author === 'customer';
          return (
            <div key={m.id} className={`portal-message${mine ? ' mine' : ''}`}>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {t(mine ? 'portal.messages.customer' : 'portal.messages.staff')} · {when(m.createdAt)}
              </div>
              <div className="portal-wrap">{m.body}</div>
            </div>
          );
        })}
      </div>
      <NoteInput
        label={t('portal.messages.placeholder')}
        value={body}
        onChange={setBody}
        maxRows={6}
        maxLength={5000}
        style={{ marginTop: 12 }}
      />
      <Button block onClick={send} loading={busy} disabled={!body.trim()} style={{ marginTop: 8 }}>
        {t('portal.messages.send')}
      </Button>
    </Card>
  );
}
