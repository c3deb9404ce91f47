import { Button, Card, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { SessionsTable } from '../../components/SessionsTable';
import { ConfirmButton } from '../admin/crud/ConfirmButton';

type Enrolment = CallOutput<EndpointAt<'POST', '/auth/totp/enrolment'>>;
const codeRule = /^\d{6}$/;

/** 账号安全: my sessions, and two-step verification for the roles that may use it. */
export default function SecurityPage() {
  const { t } = useI18n();
  const sessions = useApi('/auth/sessions', {});
  const endOne = useApiMutation('DELETE', '/auth/sessions/:id', { invalidates: ['/auth/sessions'] });
  const endOthers = useApiMutation('DELETE', '/auth/sessions', { invalidates: ['/auth/sessions'] });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('nav.security')}</Typography.Title>
      <TotpCard />
      <Card
        title={t('security.sessions')}
        extra={
          <ConfirmButton
            label={t('security.endOthers')}
            confirm={t('security.endOthersConfirm')}
            run={() => endOthers.mutateAsync({})}
            done={t('security.ended')}
          />
        }
      >
        <QueryState query={sessions}>
          {(d) => (
            <SessionsTable
              sessions={d.items}
              action={(s) => (
                <ConfirmButton
                  label={t('security.end')}
                  confirm={t('security.endConfirm')}
                  run={() => endOne.mutateAsync({ params: { id: s.id } })}
                  done={t('security.ended')}
                />
              )}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}

function TotpCard() {
  const { t } = useI18n();
  const status = useApi('/auth/totp', {});
  const start = useApiMutation('POST', '/auth/totp/enrolment');
  const confirm = useApiMutation('POST', '/auth/totp/enrolment/confirm', { invalidates: ['/auth/totp'] });
  const disable = useApiMutation('POST', '/auth/totp/disable', { invalidates: ['/auth/totp'] });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const withCode = (run: (code: string) => Promise<unknown>) => async (v: { code: string }) => {
    setError(null);
    try {
      await run(v.code.trim());
      setEnrolment(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.title) : t('common.error'));
    }
  };
  const codeForm = (submit: string, onFinish: (v: { code: string }) => Promise<void>, testId: string) => (
    <Form layout="inline" onFinish={onFinish} data-testid={testId}>
      <Form.Item
        name="code"
        label={t('login.code')}
        rules={[{ required: true, pattern: codeRule, message: t('login.codeRule') }]}
        validateStatus={error ? 'error' : undefined}
        help={error ?? undefined}
      >
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 120 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {submit}
      </Button>
    </Form>
  );
  return (
    <Card title={t('security.totp')}>
      <QueryState query={status}>
        {(s) =>
          !s.offered ? (
            <Typography.Text type="secondary">{t('security.totpNotOffered')}</Typography.Text>
          ) : s.enabled ? (
            <Space orientation="vertical">
              <Tag color="green">{t('security.totpOn')}</Tag>
              <Typography.Text>{t('security.disableHelp')}</Typography.Text>
              {codeForm(
                t('security.disable'),
                withCode((code) => disable.mutateAsync({ body: { code } })),
                'totp-disable',
              )}
            </Space>
          ) : enrolment ? (
            <Space align="start" size="large" wrap>
              <QRCode value={enrolment.uri} data-testid="totp-qr" />
              <Space orientation="vertical">
                <Typography.Text>{t('security.scan')}</Typography.Text>
                <Typography.Text>
                  {t('security.secret')}{' '}
                  <Typography.Text code copyable data-testid="totp-secret">
                    {enrolment.secret}
                  </Typography.Text>
                </Typography.Text>
                {codeForm(
                  t('security.confirm'),
                  withCode((code) => confirm.mutateAsync({ body: { code } })),
                  'totp-confirm',
                )}
              </Space>
            </Space>
          ) : (
            <Space orientation="vertical">
              <Tag>{t('security.totpOff')}</Tag>
              <Typography.Text>{t('security.totpHelp')}</Typography.Text>
              <Button type="primary" onClick={async () => setEnrolment(await start.mutateAsync({}))}>
                {t('security.enable')}
              </Button>
            </Space>
          )
        }
      </QueryState>
    </Card>
  );
}
