import { InputNumber, Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import type { FieldSpec } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import { ExtensionSettings } from './ExtensionSettings';
import { FulfilmentSettings } from './FulfilmentSettings';
import { type Answer, ROLES, type Unit, unitOptions, unitTree } from './shared';

const MB = 1024 * 1024;
const portalToBody = (v: Answer<'/settings/portal'>) => ({ ...v, intakeUnitId: v.intakeUnitId ?? null });
const evidenceToForm = (v: Answer<'/settings/evidence'>) => ({
  maxMb: Math.round((v.maxBytes / MB) * 100) / 100,
});
const evidenceToBody = (v: { maxMb: number }) => ({ maxBytes: Math.round(v.maxMb * MB) });
/** The evidence size limit is edited in MB and stored in bytes. */
const inMegabytes = { toForm: evidenceToForm, toBody: evidenceToBody };

/** 其他设置: personal data, the customer portal, repeat complaints, evidence size, extensions, progress notices, fulfilment and staffing. */
export function SettingsTab({ units }: { units: Unit[] }) {
  const { t, locale } = useI18n();
  const unitData = useMemo(
    () => unitOptions(unitTree(units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [units, locale],
  );
  const roles = ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }));
  const count = (max: number) => <InputNumber min={1} max={max} precision={0} style={{ width: 200 }} />;
  const limitField = (name: 'submissionsPerMinute' | 'trackingPerMinute' | 'codesPerDay', max: number) => ({
    name,
    label: t(`admin.settings.portal.${name}`),
    required: true,
    input: count(max),
  });
  const privacyFields: FieldSpec[] = [
    {
      name: 'personalDataRoles',
      label: t('admin.settings.privacy.roles'),
      extra: t('admin.settings.privacy.help'),
      input: <Select mode="multiple" options={roles} />,
    },
  ];
  const portalFields: FieldSpec[] = [
    limitField('submissionsPerMinute', 100000),
    limitField('trackingPerMinute', 100000),
    limitField('codesPerDay', 1000),
    {
      name: 'intakeUnitId',
      label: t('admin.settings.portal.intakeUnitId'),
      extra: t('admin.settings.portal.intakeHelp'),
      input: <TreeSelect treeData={unitData} treeDefaultExpandAll allowClear style={{ maxWidth: 360 }} />,
    },
  ];
  const repeatFields: FieldSpec[] = [
    {
      name: 'windowDays',
      label: t('admin.settings.duplicates.windowDays'),
      required: true,
      extra: t('admin.settings.duplicates.help'),
      input: count(365),
    },
  ];
  const evidenceFields: FieldSpec[] = [
    {
      name: 'maxMb',
      label: t('admin.settings.evidence.maxMb'),
      required: true,
      input: <InputNumber min={0.01} max={100} precision={2} style={{ width: 200 }} />,
    },
  ];
  const staffingFields: FieldSpec[] = [
    {
      name: 'minutesPerComplaint',
      label: t('forecast.settings.minutesPerComplaint'),
      required: true,
      extra: t('forecast.settings.minutesHelp'),
      input: count(1440),
    },
    {
      name: 'hoursPerHandler',
      label: t('forecast.settings.hoursPerHandler'),
      required: true,
      input: <InputNumber min={1} max={24} step={0.5} precision={1} style={{ width: 200 }} />,
    },
  ];
  const privacy = useSetting('/settings/privacy');
  const portal = useSetting('/settings/portal');
  const duplicates = useSetting('/settings/duplicates');
  const evidence = useSetting('/settings/evidence');
  const staffing = useSetting('/settings/staffing', ['/forecast']);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SettingsForm title={t('admin.settings.privacy')} setting={privacy} fields={privacyFields} />
      <SettingsForm
        title={t('admin.settings.portal')}
        setting={portal}
        toBody={portalToBody}
        fields={portalFields}
      />
      <SettingsForm title={t('admin.settings.duplicates')} setting={duplicates} fields={repeatFields} />
      <SettingsForm
        title={t('admin.settings.evidence')}
        setting={evidence}
        {...inMegabytes}
        fields={evidenceFields}
      />
      <ExtensionSettings />
      <FulfilmentSettings />
      <SettingsForm title={t('forecast.settings')} setting={staffing} fields={staffingFields} />
    </Space>
  );
}
