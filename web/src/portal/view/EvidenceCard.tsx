import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Typography, Upload } from 'antd';
import { useApiMutation } from '../../api/hooks';
import { useI18n } from '../../i18n';
import type { CustomerView, Owner } from '../api';
import { trackingHeaders } from '../storage';

/** The files the customer gave, and adding more (photos, PDFs). */
export function EvidenceCard({ view, owner }: { view: CustomerView; owner: Owner }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useApiMutation('POST', '/portal/complaints/:number/evidence', {
    invalidates: ['/portal/complaints/:number'],
    onSuccess: () => message.success(t('portal.evidence.added')),
  });
  const add = (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    upload.mutate(
      { params: { number: owner.number }, headers: trackingHeaders(owner.proof), form },
      { onError: (e) => message.error(t('portal.error.generic', { message: e.message })) },
    );
  };
  return (
    <Card size="small" title={t('portal.evidence.heading')} data-testid="evidence">
      {view.evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.evidence.none')} />
      ) : (
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {view.evidence.map((e) => (
            <li key={e.id} className="portal-wrap">
              {e.filename}{' '}
              <Typography.Text type="secondary">
                ({Math.max(1, Math.round(e.size / 1024))} KB)
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <Upload
        accept="image/*,application/pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          add(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 12 }}>
          {t('portal.evidence.add')}
        </Button>
      </Upload>
    </Card>
  );
}
