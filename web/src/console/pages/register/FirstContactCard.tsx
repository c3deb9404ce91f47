import { Card, Checkbox, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useRequired } from './fields';
import { type Parts, REPLY_SECTIONS } from './form-values';
import { YuanInput } from './OptionalCards';
import { REMEDY_KINDS, REPLY_METHODS } from './vocab';

const REPLY_KEYS = {
  summary: 'register.replySummary',
  actions: 'register.replyActions',
  result: 'register.replyResult',
  basis: 'register.replyBasis',
  followUp: 'register.replyFollowUp',
} as const;

/** 当场解决: register, reply (the five sections of a formal reply) and resolve in one step; optionally with a remedy. */
export function FirstContactCard({ parts, onChange }: { parts: Parts; onChange(parts: Parts): void }) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <Card
      size="small"
      title={t('register.section.firstContact')}
      style={{ marginBottom: 12 }}
      extra={
        <Switch
          checked={parts.firstContact}
          onChange={(firstContact) => onChange({ ...parts, firstContact })}
          aria-label={t('register.firstContactSwitch')}
          data-testid="first-contact"
        />
      }
    >
      {!parts.firstContact ? (
        <Typography.Text type="secondary">{t('register.firstContactSwitch')}</Typography.Text>
      ) : (
        <>
          <Form.Item
            name={['firstContact', 'reply', 'method']}
            label={t('register.replyMethod')}
            initialValue="phone"
          >
            <Select
              options={REPLY_METHODS.map((m) => ({
                value: m,
                label: t(`register.replyMethod.${m}` as const),
              }))}
            />
          </Form.Item>
          {REPLY_SECTIONS.map((s) => (
            <Form.Item
              key={s}
              name={['firstContact', 'reply', s]}
              label={t(REPLY_KEYS[s])}
              rules={required(t(REPLY_KEYS[s]))}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
            </Form.Item>
          ))}
          <Form.Item label={t('register.remedySwitch')}>
            <Switch
              checked={parts.remedy}
              onChange={(remedy) => onChange({ ...parts, remedy })}
              aria-label={t('register.remedySwitch')}
            />
          </Form.Item>
          {parts.remedy && (
            <>
              <Form.Item name={['firstContact', 'remedy', 'kinds']} label={t('register.remedyKinds')}>
                <Checkbox.Group
                  options={REMEDY_KINDS.map((k) => ({ value: k, label: t(`register.remedy.${k}` as const) }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={['firstContact', 'remedy', 'amount']} label={t('register.remedyAmount')}>
                    <YuanInput />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item
                    name={['firstContact', 'remedy', 'description']}
                    label={t('register.remedyDescription')}
                  >
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            </>
          )}
        </>
      )}
    </Card>
  );
}
