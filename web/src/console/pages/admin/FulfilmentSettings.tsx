import { InputNumber, Select } from 'antd';
import { useI18n } from '../../../i18n';
import type { FieldSpec } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';

/** 方案执行: whether a reply may go out before the approved remedy is carried out, and the default time for it. */
export function FulfilmentSettings() {
  const { t } = useI18n();
  const fields: FieldSpec[] = [
    {
      name: 'beforeReply',
      label: t('ff.settings.beforeReply'),
      required: true,
      input: (
        <Select
          style={{ width: 360 }}
          options={(['name', 'block'] as const).map((v) => ({ value: v, label: t(`ff.settings.${v}`) }))}
        />
      ),
    },
    {
      name: 'workingDays',
      label: t('ff.settings.workingDays'),
      required: true,
      input: <InputNumber min={1} max={30} precision={0} style={{ width: 200 }} />,
    },
  ];
  return (
    <SettingsForm title={t('ff.settings')} setting={useSetting('/settings/fulfilment')} fields={fields} />
  );
}
