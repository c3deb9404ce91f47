import { Form, InputNumber, Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import { type Answer, ROLES, type Unit, unitOptions, unitTree } from './shared';

const MB = 1024 * 1024;
const portalToBody = (v: Answer<'/settings/portal'>) => ({ ...v, intakeUnitId: v.intakeUnitId ?? null });
const evidenceToForm = (v: Answer<'/settings/evidence'>) => ({
  maxMb: Math.round((v.maxBytes / MB) * 100) / 100,
});
const evidenceToBody = (v: { maxMb: number }) => ({ maxBytes: Math.round(v.maxMb * MB) });

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
      <SettingsForm
        name="settings_privacy"
        title={t('admin.settings.privacy')}
        setting={useSetting('/settings/privacy')}
      >
        <Form.Item
          name="personalDataRoles"
          label={t('admin.settings.privacy.roles')}
          extra={t('admin.settings.privacy.help')}
        >
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
        </Form.Item>
      </SettingsForm>
      <SettingsForm
        name="settings_portal"
        title={t('admin.settings.portal')}
        setting={useSetting('/settings/portal')}
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
      </SettingsForm>
      <SettingsForm
        name="settings_duplicates"
        title={t('admin.settings.duplicates')}
        setting={useSetting('/settings/duplicates')}
      >
        <Form.Item
          name="windowDays"
          label={t('admin.settings.duplicates.windowDays')}
          extra={t('admin.settings.duplicates.help')}
          rules={[required]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </SettingsForm>
      <SettingsForm
        name="settings_evidence"
        title={t('admin.settings.evidence')}
        setting={useSetting('/settings/evidence')}
        toForm={evidenceToForm}
        toBody={evidenceToBody}
      >
        <Form.Item name="maxMb" label={t('admin.settings.evidence.maxMb')} rules={[required]}>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </SettingsForm>
    </Space>
  );
}
