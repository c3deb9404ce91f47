import { UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  type InputNumberProps,
  Row,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useI18n } from '../../../i18n';
import { TextField } from './fields';
import { REFERENCES } from './form-values';
import { DEMANDS } from './vocab';

/** An amount in yuan, as typed (Form.Item's value, onChange and id pass through). */
export function YuanInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} precision={2} prefix="¥" style={{ width: '100%' }} {...props} />;
}

/** 诉求: what the customer asks for, how much, in their words. */
export function DemandsCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('register.demands')} style={{ marginBottom: 12 }}>
      <Form.Item name="demands" label={t('register.demands')}>
        <Checkbox.Group
          options={DEMANDS.map((d) => ({ value: d, label: t(`register.demand.${d}` as const) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="demandAmount" label={t('register.demandAmount')}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="demandText" label={t('register.demandText')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 业务单据: the waybill, order, store … the complaint is about. */
export function ReferencesCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('register.section.references')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        {REFERENCES.map((r) => (
          <TextField
            key={r}
            name={r}
            label={t(`register.${r}` as const)}
            md={r === 'staffComplained' || r === 'region' ? 12 : 8}
          />
        ))}
      </Row>
    </Card>
  );
}

/** 证据: files chosen now, uploaded once the complaint is registered. */
export function EvidenceCard(props: { files: UploadFile[]; onChange(files: UploadFile[]): void }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('register.section.evidence')} style={{ marginBottom: 12 }}>
      <Upload
        multiple
        fileList={props.files}
        beforeUpload={() => false}
        onChange={({ fileList }) => props.onChange(fileList)}
      >
        <Button icon={<UploadOutlined />}>{t('register.evidenceAdd')}</Button>
      </Upload>
      <Typography.Text type="secondary">{t('register.evidenceHint')}</Typography.Text>
    </Card>
  );
}
