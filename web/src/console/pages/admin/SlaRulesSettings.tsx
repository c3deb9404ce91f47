import { InputNumber, Select } from 'antd';
import { MODES } from '../../../../../src/modules/sla/schemas';
import { useI18n } from '../../../i18n';
import type { FieldSpec } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import type { Answer } from './shared';

type Sla = Answer<'/settings/sla'>;
/** The reminder is edited as a percentage of the limit, stored as a share. */
type Values = Omit<Sla, 'remindShare'> & { remindPercent: number };
const toForm = ({ remindShare, ...rest }: Sla): Values => ({
  ...rest,
  remindPercent: Math.round(remindShare * 100),
});
const toBody = ({ remindPercent, ...rest }: Values): Sla => ({ ...rest, remindShare: remindPercent / 100 });

/** 时限规则: when the owner is reminded, what a breach raises, when an unreachable customer's complaint closes. */
export function SlaRulesSettings() {
  const { t } = useI18n();
  const setting = useSetting('/settings/sla');
  const fields: FieldSpec[] = [
    {
      name: 'remindPercent',
      label: t('admin.sla.rules.remind'),
      required: true,
      extra: t('admin.sla.rules.remindHelp'),
      input: <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: 200 }} />,
    },
    {
      name: 'raisePriorityOnBreach',
      label: t('admin.sla.rules.raise'),
      required: true,
      extra: t('admin.sla.rules.raiseHelp'),
      input: (
        <Select
          style={{ width: 200 }}
          options={[0, 1, 2, 3].map((n) => ({ value: n, label: t('admin.sla.rules.steps', { n }) }))}
        />
      ),
    },
    {
      name: ['unreachableClose', 'minutes'],
      label: t('admin.sla.rules.unreachable'),
      required: true,
      extra: t('admin.sla.rules.unreachableHelp'),
      input: <InputNumber min={1} max={525600} precision={0} style={{ width: 200 }} />,
    },
    {
      name: ['unreachableClose', 'mode'],
      label: t('admin.sla.mode'),
      required: true,
      input: (
        <Select
          style={{ width: 200 }}
          options={MODES.map((m) => ({ value: m, label: t(`admin.sla.mode.${m}`) }))}
        />
      ),
    },
  ];
  return (
    <SettingsForm<Sla, Values>
      title={t('admin.sla.rules')}
      setting={setting}
      toForm={toForm}
      toBody={toBody}
      fields={fields}
    />
  );
}
