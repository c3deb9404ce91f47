import { Form, Input, Radio } from 'antd';
import { LIABILITY_DEGREES, LIABLE_PARTIES } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import { complaintAction } from './ActionForm';
import { options, required, ValidityFields } from './fields';
import { UnitSelect } from './pickers';
import { ResponsibleFields } from './ResponsibleFields';

function JudgeFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="liableParty" label={t('cp.liableParty')} rules={required(t)}>
        <Radio.Group options={options(t, 'liable', LIABLE_PARTIES)} />
      </Form.Item>
      <Form.Item name="responsibleUnitId" label={t('cp.responsibleUnit')}>
        <UnitSelect all allowClear />
      </Form.Item>
      <ResponsibleFields />
      <Form.Item name="degree" label={t('cp.degree')}>
        <Radio.Group options={options(t, 'degree', LIABILITY_DEGREES)} />
      </Form.Item>
      <Form.Item name="basis" label={t('cp.basis')} rules={required(t)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <ValidityFields mandatory={false} />
    </>
  );
}

/** 责任判定: who is liable, to what degree and on what basis; validity with it. */
export const JudgeAction = complaintAction('judge', 'PUT', '/complaints/:number/judgement', JudgeFields, {
  initialValues: (c) => ({
    liableParty: c.judgement?.liableParty,
    responsibleUnitId: c.judgement?.responsibleUnit?.id,
    responsiblePerson: c.judgement?.responsiblePerson ?? undefined,
    responsibleUserId: c.judgement?.responsibleUser?.id,
    responsiblePartyId: c.judgement?.responsibleParty?.id,
    degree: c.judgement?.degree ?? undefined,
    basis: c.judgement?.basis ?? undefined,
    validity: c.validity?.validity,
    validityKind: c.validity?.kind ?? undefined,
    invalidReason: c.validity?.invalidReason ?? undefined,
  }),
});
