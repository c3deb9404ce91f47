import { Form, Input, Radio, Select } from 'antd';
import { INVALID_REASONS, VALID_KINDS } from '../../../../api/vocabularies';
import { type Translate, useI18n } from '../../../../i18n';

type Key = Parameters<Translate>[0];

/** A text that must be filled in (spaces alone do not count). */
export const required = (t: Translate) => [
  { required: true, whitespace: true, message: t('cp.field.required') },
];
/** A choice or a number that must be given (a rule without `whitespace`, which would check for a string). */
export const chosen = (t: Translate) => [{ required: true, message: t('cp.field.required') }];
export const options = (t: Translate, group: string, codes: readonly string[]) =>
  codes.map((c) => ({ value: c, label: t(`cp.${group}.${c}` as Key) }));

/** An optional comment recorded with the action. */
export function CommentField() {
  const { t } = useI18n();
  return (
    <Form.Item name="comment" label={t('cp.field.comment')}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

/** The required reason of an action; a page may name it in its own words. */
export function ReasonField({
  name = 'reason',
  label,
  message,
}: {
  name?: string;
  label?: string;
  message?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label ?? t('cp.field.reason')}
      rules={[{ required: true, whitespace: true, message: message ?? t('cp.field.required') }]}
    >
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );
}

/** The required outcome of a call-back (contact) or of the customer's confirmation (confirm). */
export function OutcomeField({ group, codes }: { group: 'contact' | 'confirm'; codes: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Form.Item name="outcome" label={t('cp.field.outcome')} rules={required(t)}>
      <Radio.Group options={options(t, group, codes)} />
    </Form.Item>
  );
}

/** 有效/无效 and, by the answer, the kind of valid complaint or the reason it is invalid. */
export function ValidityFields({ mandatory }: { mandatory: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="validity" label={t('cp.validity')} rules={mandatory ? required(t) : []}>
        <Radio.Group options={options(t, 'validity', ['valid', 'invalid'])} />
      </Form.Item>
      <Form.Item noStyle dependencies={['validity']}>
        {({ getFieldValue }) =>
          getFieldValue('validity') === 'invalid' ? (
            <Form.Item name="invalidReason" label={t('cp.invalidReason')} rules={required(t)}>
              <Select options={options(t, 'invalidReason', INVALID_REASONS)} />
            </Form.Item>
          ) : (
            <Form.Item name="validityKind" label={t('cp.validityKind')}>
              <Select allowClear options={options(t, 'validKind', VALID_KINDS)} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}
