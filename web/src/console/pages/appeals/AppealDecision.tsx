import { App, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useApiMutation } from '../../../api/hooks';
import { VALID_KINDS } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { options, required } from '../complaint/actions/fields';
import { UnitSelect } from '../complaint/actions/pickers';
import { FormModal, type Values } from '../complaint/FormModal';
import type { Appeal } from './AppealLevels';
import { APPEAL_READS } from './reads';

const OUTCOMES = ['overturned', 'partly', 'upheld'] as const;

/** The revision a 'partly' outcome gives: a check's new score, or a judgement's new kind and unit. */
function revisionOf(appeal: Appeal, v: Values) {
  if (appeal.subjectKind === 'quality_check') return { revisedScore: Number(v.revisedScore) };
  return {
    ...(v.validityKind
      ? { validity: 'valid' as const, validityKind: v.validityKind as (typeof VALID_KINDS)[number] }
      : {}),
    ...(v.responsibleUnitId
      ? { responsibleUnitId: Number(v.responsibleUnitId), responsibleUserId: null }
      : {}),
  };
}

/** 复核: the current level's outcome and comment; with 'partly', what changes. */
export function AppealDecision({ appeal, onClose }: { appeal: Appeal; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decide = useApiMutation('POST', '/appeals/:id/decision', { invalidates: [...APPEAL_READS] });
  const level = appeal.status === 'pending_manager' ? 'manager' : 'supervisor';
  const submit = async (v: Values) => {
    const outcome = v.outcome as (typeof OUTCOMES)[number];
    const partly =
      outcome === 'partly' &&
      (level === 'supervisor' || v.revisedScore || v.validityKind || v.responsibleUnitId);
    await decide.mutateAsync({
      params: { id: appeal.id },
      body: {
        outcome,
        comment: String(v.comment).trim(),
        ...(partly ? { revision: revisionOf(appeal, v) } : {}),
      },
    });
    message.success(t('appeal.decided'));
    onClose();
  };
  return (
    <FormModal
      name="appeal_decision"
      title={t('appeal.decideTitle', { number: appeal.number })}
      submit={submit}
      pending={decide.isPending}
      onClose={onClose}
      initialValues={level === 'manager' ? { outcome: appeal.supervisor.outcome ?? undefined } : {}}
    >
      <Form.Item
        name="outcome"
        label={t('appeal.outcome')}
        rules={required(t)}
        extra={t(`appeal.decideHelp.${level}`)}
      >
        <Radio.Group
          optionType="button"
          options={OUTCOMES.map((o) => ({ value: o, label: t(`appeal.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) =>
          getFieldValue('outcome') !== 'partly' ? null : appeal.subjectKind === 'quality_check' ? (
            <Form.Item
              name="revisedScore"
              label={t('appeal.revisedScore')}
              rules={level === 'supervisor' ? required(t) : []}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="validityKind" label={t('cp.validityKind')}>
                <Select allowClear options={options(t, 'validKind', VALID_KINDS)} />
              </Form.Item>
              <Form.Item name="responsibleUnitId" label={t('appeal.newUnit')}>
                <UnitSelect allowClear />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <Form.Item name="comment" label={t('appeal.comment')} rules={required(t)}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
