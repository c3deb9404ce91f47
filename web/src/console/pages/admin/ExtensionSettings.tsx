import { InputNumber } from 'antd';
import { PRIORITIES } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import type { FieldSpec } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';

/** 延期 maximum and 进度通知 intervals per priority: two settings of the time limits. */
export function ExtensionSettings() {
  const { t } = useI18n();
  const days = <InputNumber min={0} max={60} precision={0} style={{ width: 200 }} />;
  const maxFields: FieldSpec[] = [
    {
      name: 'maxDays',
      label: t('ext.settings.maxDays'),
      required: true,
      extra: t('ext.settings.maxDaysHelp'),
      input: days,
    },
  ];
  const progressFields: FieldSpec[] = PRIORITIES.map((priority, i) => ({
    name: priority,
    label: t('ext.settings.priority', { priority }),
    required: true,
    extra: i === PRIORITIES.length - 1 ? t('ext.settings.progressHelp') : undefined,
    input: days,
  }));
  const extensions = useSetting('/settings/extensions');
  const progress = useSetting('/settings/progress-notices');
  return (
    <>
      <SettingsForm title={t('ext.settings')} setting={extensions} fields={maxFields} />
      <SettingsForm title={t('ext.settings.progress')} setting={progress} fields={progressFields} />
    </>
  );
}
