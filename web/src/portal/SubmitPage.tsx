import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Result,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useRef, useState } from 'react';
import { call } from '../api/call';
import { showFieldErrors } from '../api/form-errors';
import { useApi, useApiMutation } from '../api/hooks';
import { DEMANDS } from '../api/vocabularies';
import { useI18n } from '../i18n';
import { SearchSelect } from '../ui/SearchSelect';
import type { PortalCategory, Registered } from './api';
import { navigate, storeProof, trackingHeaders } from './storage';

const PHONE = /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$|^\+[1-9]\d{6,14}$/;
const MAX_FILES = 6;

interface FormValues {
  name: string;
  phone?: string;
  email?: string;
  categoryId: number;
  waybillNo?: string;
  orderNo?: string;
  title?: string;
  content: string;
  demands?: Array<(typeof DEMANDS)[number]>;
  demandAmount?: number | null;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * The form's files, sent as evidence of the complaint just registered (with its tracking token).
 * Right after registering, so not a cached mutation: a failure is reported on the acknowledgment.
 */
async function uploadFiles(
  registered: Registered,
  files: UploadFile[],
): Promise<{ uploaded: number; failed: string | null }> {
  const originals = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
  if (!originals.length) return { uploaded: 0, failed: null };
  const form = new FormData();
  for (const f of originals) form.append('file', f, f.name);
  try {
    const up = await call('POST', '/portal/complaints/:number/evidence', {
      params: { number: registered.number },
      headers: trackingHeaders(registered.trackingToken),
      form,
    });
    return { uploaded: up.items.length, failed: null };
  } catch (e) {
    return { uploaded: 0, failed: (e as Error).message };
  }
}

/** "/portal": the web form, then the acknowledgment with the number and the tracking token. */
export function SubmitPage() {
  const [receipt, setReceipt] = useState<{
    registered: Registered;
    uploaded: number;
    failed: string | null;
  }>();
  if (receipt) return <Acknowledgment {...receipt} onAnother={() => setReceipt(undefined)} />;
  return (
    <>
      <Lookup />
      <ComplaintForm onRegistered={setReceipt} />
    </>
  );
}

/** A number to follow: goes to /track/:number. */
function Lookup() {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const go = () => {
    const n = number.trim().toUpperCase();
    if (n) navigate(`/track/${encodeURIComponent(n)}`);
  };
  return (
    <Card size="small" title={t('portal.nav.track')}>
      <div style={{ display: 'flex', gap: 8 }}>
        <Input
          aria-label={t('portal.lookup.number')}
          placeholder={t('portal.lookup.numberPlaceholder')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onPressEnter={go}
        />
        <Button onClick={go}>{t('portal.lookup.go')}</Button>
      </div>
    </Card>
  );
}

function ComplaintForm({
  onRegistered,
}: {
  onRegistered(r: { registered: Registered; uploaded: number; failed: string | null }): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const loaded = useApi('/portal/categories', { query: {} });
  const categories = loaded.data?.items ?? [];
  const register = useApiMutation('POST', '/portal/complaints');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const busy = register.isPending || uploading;
  const [error, setError] = useState<string | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const loadError = loaded.error ? t('portal.error.load', { message: loaded.error.message }) : null;

  const name = (c: PortalCategory) => (locale === 'en' ? c.nameEn : c.nameZh);
  const categoryOptions = categories.map((c) =>
    c.children.length
      ? {
          label: name(c),
          title: name(c),
          options: [
            ...c.children.map((k) => ({ value: k.id, label: name(k) })),
            { value: c.id, label: t('portal.form.categoryGeneral', { name: name(c) }) },
          ],
        }
      : { value: c.id, label: name(c) },
  );

  const submit = async (v: FormValues) => {
    setError(null);
    try {
      const body = {
        name: v.name.trim(),
        phone: trimmed(v.phone),
        email: trimmed(v.email),
        title: trimmed(v.title),
        content: v.content.trim(),
        categoryId: v.categoryId,
        waybillNo: trimmed(v.waybillNo),
        orderNo: trimmed(v.orderNo),
        demands: v.demands?.length ? v.demands : undefined,
        demandAmount:
          v.demandAmount === undefined || v.demandAmount === null
            ? undefined
            : Math.round(v.demandAmount * 100),
        website: honeypot.current?.value ?? '',
        // The customer is written to in the language they filled the form in.
        locale,
      };
      const res = await register.mutateAsync({ body });
      if (!('number' in res)) {
        setError(t('portal.form.notRegistered'));
        return;
      }
      storeProof(res.number, res.trackingToken);
      setUploading(true);
      const upload = await uploadFiles(res, files);
      onRegistered({ registered: res, ...upload });
    } catch (e) {
      showFieldErrors(form, e);
      const text = (e as Error).message;
      setError(text);
      message.error(t('portal.error.generic', { message: text }));
    } finally {
      setUploading(false);
    }
  };

  const contactRule = {
    validator: async () => {
      const { phone, email } = form.getFieldsValue(['phone', 'email']);
      if (!trimmed(phone) && !trimmed(email)) throw new Error(t('portal.form.contactRequired'));
    },
  };

  return (
    <Card title={t('portal.form.heading')} size="small">
      <Typography.Paragraph type="secondary">{t('portal.form.intro')}</Typography.Paragraph>
      {(error ?? loadError) && (
        <Alert type="error" showIcon title={error ?? loadError} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark disabled={busy} scrollToFirstError>
        <Form.Item
          name="name"
          label={t('portal.form.name')}
          rules={[{ required: true, whitespace: true, message: t('portal.form.required') }]}
        >
          <Input autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('portal.form.phone')}
          extra={t('portal.form.contactHint')}
          dependencies={['email']}
          rules={[contactRule, { pattern: PHONE, message: t('portal.form.phoneInvalid') }]}
        >
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('portal.form.email')}
          dependencies={['phone']}
          rules={[{ type: 'email', message: t('portal.form.emailInvalid') }]}
        >
          <Input type="email" inputMode="email" autoComplete="email" maxLength={254} />
        </Form.Item>
        <Form.Item
          name="categoryId"
          label={t('portal.form.category')}
          rules={[{ required: true, message: t('portal.form.categoryPlaceholder') }]}
        >
          <SearchSelect
            placeholder={t('portal.form.categoryPlaceholder')}
            options={categoryOptions}
            listHeight={320}
          />
        </Form.Item>
        <Form.Item name="waybillNo" label={t('portal.form.waybillNo')}>
          <Input maxLength={64} autoCapitalize="characters" />
        </Form.Item>
        <Form.Item name="orderNo" label={t('portal.form.orderNo')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="title" label={t('portal.form.title')}>
          <Input maxLength={200} placeholder={t('portal.form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('portal.form.content')}
          rules={[{ required: true, whitespace: true, message: t('portal.form.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            placeholder={t('portal.form.contentPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="demands" label={t('portal.form.demands')}>
          <Checkbox.Group
            options={DEMANDS.map((d) => ({ value: d, label: t(`portal.demand.${d}`) }))}
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }}
          />
        </Form.Item>
        <Form.Item name="demandAmount" label={t('portal.form.demandAmount')}>
          <InputNumber min={0} max={10000000} precision={2} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('portal.form.photos')} extra={t('portal.form.photosHint')}>
          <Upload
            listType="picture-card"
            accept="image/*,application/pdf"
            multiple
            maxCount={MAX_FILES}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
            data-testid="photos"
          >
            {files.length < MAX_FILES && (
              <button type="button" style={{ border: 0, background: 'none' }}>
                <PlusOutlined />
                <div style={{ marginTop: 4 }}>{t('portal.form.addPhoto')}</div>
              </button>
            )}
          </Upload>
        </Form.Item>
        {/* For robots only: people never see or reach it, and a filled one is not registered. */}
        <div className="portal-honeypot" aria-hidden="true">
          <input ref={honeypot} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('portal.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Acknowledgment({
  registered,
  uploaded,
  failed,
  onAnother,
}: {
  registered: Registered;
  uploaded: number;
  failed: string | null;
  onAnother(): void;
}) {
  const { t } = useI18n();
  const path = `/track/${encodeURIComponent(registered.number)}`;
  const link = `${window.location.origin}${path}`;
  return (
    <Card size="small" data-testid="acknowledgment">
      <Result
        status="success"
        title={t('portal.ack.title')}
        subTitle={t('portal.ack.subtitle')}
        style={{ padding: '16px 0' }}
      />
      <div className="portal-section-title">{t('portal.ack.number')}</div>
      <Typography.Paragraph className="portal-number" copyable data-testid="ack-number">
        {registered.number}
      </Typography.Paragraph>
      <div className="portal-section-title">{t('portal.ack.token')}</div>
      <Typography.Paragraph className="portal-token" copyable={{ text: registered.trackingToken }}>
        <span data-testid="ack-token">{registered.trackingToken}</span>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('portal.ack.tokenWarning')} style={{ margin: '12px 0' }} />
      <div className="portal-section-title">{t('portal.ack.link')}</div>
      <Typography.Paragraph className="portal-wrap" copyable={{ text: link }}>
        {link}
      </Typography.Paragraph>
      {uploaded > 0 && (
        <Alert type="success" showIcon title={t('portal.ack.uploaded', { count: uploaded })} />
      )}
      {failed && <Alert type="error" showIcon title={t('portal.ack.uploadFailed', { message: failed })} />}
      <div className="portal-actions" style={{ marginTop: 16 }}>
        <Button
          type="primary"
          size="large"
          href={path}
          onClick={(e) => {
            e.preventDefault();
            navigate(path);
          }}
        >
          {t('portal.ack.track')}
        </Button>
        <Button size="large" onClick={onAnother}>
          {t('portal.ack.another')}
        </Button>
      </div>
    </Card>
  );
}
