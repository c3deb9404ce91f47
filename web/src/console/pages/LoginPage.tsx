import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { useSession } from '../session';

/** 登录: username and password, then the authenticator's code for users with two-step verification. */
export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { signIn, completeSignIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const attempt = async (run: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      // Signed in, the console's routes take over and return to where the user came from.
      await run();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submitPassword = (v: { username: string; password: string }) =>
    attempt(async () => setPendingToken(await signIn(v.username, v.password)));
  const submitCode = (v: { code: string }) =>
    attempt(() => completeSignIn(pendingToken ?? '', v.code.trim()));
  const startOver = () => {
    setPendingToken(null);
    setError(null);
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card
        title={t('login.title')}
        style={{ width: 360 }}
        extra={
          <Button type="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t('nav.language')}
          </Button>
        }
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        {pendingToken === null ? (
          <Form layout="vertical" onFinish={submitPassword} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={submitCode} requiredMark={false}>
            <Form.Item
              name="code"
              label={t('login.code')}
              extra={t('login.codeHelp')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.codeRule') }]}
            >
              <Input autoFocus autoComplete="one-time-code" inputMode="numeric" maxLength={8} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.verify')}
            </Button>
            <Button type="link" block onClick={startOver} style={{ marginTop: 8 }}>
              {t('login.startOver')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
