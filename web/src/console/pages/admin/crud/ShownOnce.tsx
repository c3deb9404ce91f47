import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../../../i18n';

/** A secret the server answers only once (an API token, a signing secret): a warning, the value to copy. */
export function ShownOnce(props: {
  value: string | null;
  title: string;
  warning: string;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.value !== null}
      title={props.title}
      onCancel={props.onClose}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t('admin.tokens.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={props.warning} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        code
        copyable={{ text: props.value ?? '', tooltips: [t('admin.tokens.copy'), t('admin.tokens.copied')] }}
        data-testid={props.testId}
      >
        {props.value}
      </Typography.Paragraph>
    </Modal>
  );
}
