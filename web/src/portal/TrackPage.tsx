import { Alert, App, Button, Card, Form, Input, Segmented, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useApi, useApiMutation } from '../api/hooks';
import { QueryState } from '../console/components/QueryState';
import { useI18n } from '../i18n';
import { forgetProof, storedProof, storeProof, trackingHeaders } from './storage';
import { ComplaintView } from './view/ComplaintView';

/** "/track/:number": the complaint when this browser holds a proof for it, otherwise the proof form. */
export function TrackPage({ number }: { number: string }) {
  const [proof, setProof] = useState<string | null>(() => storedProof(number));
  const forget = () => {
    forgetProof(number);
    setProof(null);
  };
  if (!proof)
    return (
      <ProofForm
        number={number}
        onProven={(p) => {
          storeProof(number, p);
          setProof(p);
        }}
      />
    );
  return <Tracked number={number} proof={proof} onDenied={forget} />;
}

function Tracked({ number, proof, onDenied }: { number: string; proof: string; onDenied(): void }) {
  const view = useApi(
    '/portal/complaints/:number',
    { params: { number }, headers: trackingHeaders(proof) },
    { retry: false },
  );
  const denied = view.error instanceof ApiError && [401, 403, 404].includes(view.error.status);
  useEffect(() => {
    // The kept proof no longer opens it (expired session, wrong number): ask again.
    if (denied) onDenied();
  }, [denied, onDenied]);
  if (denied)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  return (
    <QueryState query={view}>
      {(v) => <ComplaintView view={v} owner={{ number, proof }} onForget={onDenied} />}
    </QueryState>
  );
}

function ProofForm({ number, onProven }: { number: string; onProven(proof: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'token' | 'phone'>('token');
  const requestCode = useApiMutation('POST', '/portal/tracking-codes');
  const openSession = useApiMutation('POST', '/portal/sessions');
  const busy = openSession.isPending;
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [form] = Form.useForm<{ token?: string; phoneLast4?: string; code?: string }>();

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    try {
      await form.validateFields(['phoneLast4']);
    } catch {
      return;
    }
    try {
      await requestCode.mutateAsync({ body: { number, phoneLast4: form.getFieldValue('phoneLast4') } });
      message.success(t('portal.proof.codeSent'));
      setWait(60);
    } catch (e) {
      setError(t('portal.error.generic', { message: (e as Error).message }));
    }
  };

  const submit = async (v: { token?: string; phoneLast4?: string; code?: string }) => {
    setError(null);
    try {
      const token = v.token?.trim() ?? '';
      const body =
        mode === 'token' ? { number, token } : { number, phoneLast4: v.phoneLast4 ?? '', code: v.code ?? '' };
      const session = await openSession.mutateAsync({ body });
      // The tracking token itself does not expire; an access token from a code does.
      onProven(mode === 'token' ? token : session.accessToken);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? t('portal.proof.denied')
          : t('portal.error.generic', { message: (e as Error).message }),
      );
    }
  };

  const required = [{ required: true, whitespace: true, message: t('portal.form.required') }];
  return (
    <Card size="small" title={t('portal.proof.heading')}>
      <Typography.Paragraph className="portal-number" data-testid="track-number">
        {number}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('portal.proof.intro')}</Typography.Paragraph>
      <Segmented
        block
        value={mode}
        onChange={(m) => {
          setMode(m as 'token' | 'phone');
          setError(null);
        }}
        options={[
          { value: 'token', label: t('portal.proof.byToken') },
          { value: 'phone', label: t('portal.proof.byPhone') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        {mode === 'token' ? (
          <Form.Item name="token" label={t('portal.proof.token')} rules={required}>
            <Input
              className="portal-token-input"
              placeholder={t('portal.proof.tokenPlaceholder')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={64}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="phoneLast4"
              label={t('portal.proof.phoneLast4')}
              rules={[...required, { pattern: /^\d{4}$/, message: t('portal.proof.phoneLast4') }]}
            >
              <Input inputMode="numeric" maxLength={4} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('portal.proof.code')} required>
              <div style={{ display: 'flex', gap: 8 }}>
                <Form.Item
                  name="code"
                  noStyle
                  rules={[...required, { pattern: /^\d{6}$/, message: t('portal.proof.code') }]}
                >
                  <Input
                    inputMode="numeric"
                    maxLength={6}
                    autoComplete="one-time-code"
                    aria-label={t('portal.proof.code')}
                  />
                </Form.Item>
                <Button onClick={sendCode} disabled={wait > 0 || busy}>
                  {wait > 0 ? t('portal.proof.resend', { seconds: wait }) : t('portal.proof.sendCode')}
                </Button>
              </div>
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('portal.proof.submit')}
        </Button>
      </Form>
    </Card>
  );
}
