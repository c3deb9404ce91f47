import { Alert, App, Button, Card, Form, Input, Segmented, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import { useI18n } from '../i18n';
import { ComplaintView } from './ComplaintView';
import { forgetProof, storedProof, storeProof, trackingHeaders } from './storage';
import type { CustomerView } from './types';

const path = (number: string) => `/portal/complaints/${encodeURIComponent(number)}`;

/** "/track/:number": the complaint when this browser holds a proof for it, otherwise the proof form. */
export function TrackPage({ number }: { number: string }) {
  const { t } = useI18n();
  const [proof, setProof] = useState<string | null>(() => storedProof(number));
  const [view, setView] = useState<CustomerView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (p: string) => {
      setError(null);
      try {
        setView(await api<CustomerView>(path(number), { headers: trackingHeaders(p) }));
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 403)) {
          // The kept proof no longer opens it (expired session, wrong number): ask again.
          forgetProof(number);
          setProof(null);
        } else setError(t('portal.error.load', { message: (e as Error).message }));
      }
    },
    [number, t],
  );

  useEffect(() => {
    if (proof) void load(proof);
  }, [proof, load]);

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
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!view)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  return (
    <ComplaintView
      view={view}
      proof={proof}
      onChange={setView}
      onForget={() => {
        forgetProof(number);
        setView(null);
        setProof(null);
      }}
    />
  );
}

function ProofForm({ number, onProven }: { number: string; onProven(proof: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'token' | 'phone'>('token');
  const [busy, setBusy] = useState(false);
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
      await api('/portal/tracking-codes', { body: { number, phoneLast4: form.getFieldValue('phoneLast4') } });
      message.success(t('portal.proof.codeSent'));
      setWait(60);
    } catch (e) {
      setError(t('portal.error.generic', { message: (e as Error).message }));
    }
  };

  const submit = async (v: { token?: string; phoneLast4?: string; code?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const token = v.token?.trim() ?? '';
      const body = mode === 'token' ? { number, token } : { number, phoneLast4: v.phoneLast4, code: v.code };
      const session = await api<{ accessToken: string }>('/portal/sessions', { body });
      // The tracking token itself does not expire; an access token from a code does.
      onProven(mode === 'token' ? token : session.accessToken);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? t('portal.proof.denied')
          : t('portal.error.generic', { message: (e as Error).message }),
      );
    } finally {
      setBusy(false);
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
            <Input placeholder={t('portal.proof.tokenPlaceholder')} autoComplete="off" spellCheck={false} />
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
