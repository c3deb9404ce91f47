import { InputNumber } from 'antd';
import { useI18n } from '../../../i18n';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import { ModelSelect } from './ModelSelect';
import type { Answer } from './shared';

type Settings = Answer<'/settings/classification'>;
interface Values {
  enabled: boolean;
  model: string;
  percent: number;
}
/** The threshold is a share (0..1) in the API and a percentage on the form. */
const toForm = (s: Settings): Values => ({
  enabled: s.enabled,
  model: s.model,
  percent: Math.round(s.autoApplyAt * 100),
});
const toBody = (v: Values): Settings => ({
  enabled: v.enabled,
  model: v.model.trim(),
  autoApplyAt: v.percent / 100,
});

/** The classifier's settings: on/off, the model used at registration, the confidence applied at once. */
export function ClassificationSettings() {
  const { t } = useI18n();
  return (
    <SettingsForm
      title={t('classify.settings')}
      setting={useSetting('/settings/classification')}
      toForm={toForm}
      toBody={toBody}
      fields={[
        { name: 'enabled', label: t('classify.settings.enabled'), toggle: true },
        {
          name: 'model',
          label: t('classify.settings.model'),
          extra: t('classify.settings.modelHelp'),
          required: 'text',
          input: <ModelSelect aria-label={t('classify.settings.model')} />,
        },
        {
          name: 'percent',
          label: t('classify.settings.autoApplyAt'),
          extra: t('classify.settings.autoApplyAtHelp'),
          required: true,
          input: <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />,
        },
      ]}
    />
  );
}
