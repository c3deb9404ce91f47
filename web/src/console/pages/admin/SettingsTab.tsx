import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Spin, TreeSelect } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText, ROLES, showFieldErrors, type Unit, unitOptions, unitTree } from './shared';

const MB = 1024 * 1024;

/** One setting (GET and PUT `/settings/<name>`) as a card with its own form and save button. */
function SettingCard<T extends object>(props: {
  path: string;
  title: string;
  fields: readonly string[];
  /** API value → form values, and back. */
  toForm?: (value: T) => Record<string, unknown>;
  toBody?: (values: Record<string, unknown>) => T;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { path, toForm, toBody } = props;

  useEffect(() => {
    api<T>(path)
      .then((v) => {
        form.setFieldsValue(toForm ? toForm(v) : v);
        setLoaded(true);
      })
      .catch((e) => setError(errorText(e, t('common.error'))));
  }, [path, form, toForm, t]);

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const saved = await api<T>(path, { method: 'PUT', body: toBody ? toBody(values) : values });
      form.setFieldsValue(toForm ? toForm(saved) : saved);
      message.success(t('admin.settings.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e, props.fields)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={props.title} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" title={error} showIcon />}
      {!loaded && !error && <Spin />}
      <Form
        form={form}
        layout="vertical"
        name={path.replace(/\W+/g, '_')}
        onFinish={save}
        style={{ display: loaded ? undefined : 'none' }}
      >
        {props.children}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

interface EvidenceSettings {
  maxBytes: number;
}
const evidenceToForm = (v: EvidenceSettings) => ({ maxMb: Math.round((v.maxBytes / MB) * 100) / 100 });
const evidenceToBody = (v: Record<string, unknown>): EvidenceSettings => ({
  maxBytes: Math.round(Number(v.maxMb) * MB),
});
interface PortalSettings {
  intakeUnitId: number | null;
}
const portalToBody = (v: Record<string, unknown>) =>
  ({ ...v, intakeUnitId: v.intakeUnitId ?? null }) as PortalSettings;

/** 其他设置: personal data, the customer portal, repeat complaints and evidence size. */
export function SettingsTab({ units }: { units: Unit[] }) {
  const { t, locale } = useI18n();
  const unitData = useMemo(
    () => unitOptions(unitTree(units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [units, locale],
  );
  const required = { required: true, message: t('admin.required') };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SettingCard
        path="/settings/privacy"
        title={t('admin.settings.privacy')}
        fields={['personalDataRoles']}
      >
        <Form.Item
          name="personalDataRoles"
          label={t('admin.settings.privacy.roles')}
          extra={t('admin.settings.privacy.help')}
        >
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
        </Form.Item>
      </SettingCard>
      <SettingCard<PortalSettings>
        path="/settings/portal"
        title={t('admin.settings.portal')}
        fields={['submissionsPerMinute', 'trackingPerMinute', 'codesPerDay', 'intakeUnitId']}
        toBody={portalToBody}
      >
        <Form.Item
          name="submissionsPerMinute"
          label={t('admin.settings.portal.submissionsPerMinute')}
          rules={[required]}
        >
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="trackingPerMinute"
          label={t('admin.settings.portal.trackingPerMinute')}
          rules={[required]}
        >
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="codesPerDay" label={t('admin.settings.portal.codesPerDay')} rules={[required]}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="intakeUnitId"
          label={t('admin.settings.portal.intakeUnitId')}
          extra={t('admin.settings.portal.intakeHelp')}
        >
          <TreeSelect treeData={unitData} treeDefaultExpandAll allowClear style={{ maxWidth: 360 }} />
        </Form.Item>
      </SettingCard>
      <SettingCard path="/settings/duplicates" title={t('admin.settings.duplicates')} fields={['windowDays']}>
        <Form.Item
          name="windowDays"
          label={t('admin.settings.duplicates.windowDays')}
          extra={t('admin.settings.duplicates.help')}
          rules={[required]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </SettingCard>
      <SettingCard<EvidenceSettings>
        path="/settings/evidence"
        title={t('admin.settings.evidence')}
        fields={['maxMb']}
        toForm={evidenceToForm}
        toBody={evidenceToBody}
      >
        <Form.Item name="maxMb" label={t('admin.settings.evidence.maxMb')} rules={[required]}>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </SettingCard>
    </Space>
  );
}
