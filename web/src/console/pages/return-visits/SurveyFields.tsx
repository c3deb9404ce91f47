import { Col, Form, Input, InputNumber, Rate, Row } from 'antd';
import { useI18n } from '../../../i18n';

const DIMENSIONS = ['speed', 'effectiveness', 'attitude', 'transparency'] as const;

/** The satisfaction survey's questions (as on the portal), under `prefix` in the form. */
export function SurveyFields({ prefix }: { prefix: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={16}>
        {DIMENSIONS.map((d) => (
          <Col key={d} span={12}>
            <Form.Item
              name={[...prefix, d]}
              label={t(`cp.survey.${d}`)}
              rules={[{ required: true, message: t('rv.required') }]}
              style={{ marginBottom: 4 }}
            >
              <Rate />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name={[...prefix, 'recommendation']}
        label={t('cp.survey.recommendation')}
        rules={[{ required: true, message: t('rv.required') }]}
      >
        <InputNumber min={0} max={10} precision={0} />
      </Form.Item>
      <Form.Item name={[...prefix, 'suggestions']} label={t('rv.suggestions')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
