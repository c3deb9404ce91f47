import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { COMPLAINT_READS, type ComplaintDetail, type EvidenceItem } from './contract';

const size = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The complaint's evidence: photos previewed, other files as download links; staff upload more. */
export function EvidenceList({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const items = complaint.evidence;
  const add = useApiMutation('POST', '/complaints/:number/evidence', { invalidates: [...COMPLAINT_READS] });
  const url = (e: EvidenceItem) => `/api/v1/complaints/${complaint.number}/evidence/${e.id}`;
  const canUpload = complaint.status !== 'closed';

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      // Multipart: the file travels as the call's form (the endpoint consumes multipart/form-data).
      await add.mutateAsync({ params: { number: complaint.number }, form });
      message.success(t('cp.evidence.uploaded'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    }
  };

  return (
    <Flex vertical gap={12}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noEvidence')}</Typography.Text>
      ) : (
        items.map((e) => (
          <div
            key={e.id}
            data-testid={`evidence-${e.id}`}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex gap={12} align="center">
              {e.mediaType.startsWith('image/') ? (
                <Image
                  src={url(e)}
                  alt={e.filename}
                  width={72}
                  height={72}
                  style={{ objectFit: 'cover' }}
                  data-testid="evidence-image"
                />
              ) : (
                <FileOutlined style={{ fontSize: 32, color: '#999' }} />
              )}
              <Flex vertical>
                <a href={url(e)} download={e.filename}>
                  {e.filename}
                </a>
                <Typography.Text type="secondary">
                  {e.mediaType} · {size(e.size)} ·{' '}
                  {t(e.source === 'customer' ? 'cp.evidence.source.customer' : 'cp.evidence.source.staff')}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('cp.evidence.addedBy', {
                    name: e.addedBy?.name ?? '—',
                    time: dayjs(e.createdAt).format('YYYY-MM-DD HH:mm'),
                  })}
                </Typography.Text>
                {e.note && <Typography.Text>{e.note}</Typography.Text>}
              </Flex>
            </Flex>
          </div>
        ))
      )}
      {canUpload && (
        <div data-testid="evidence-upload">
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={add.isPending}>
              {t('cp.evidence.upload')}
            </Button>
          </Upload>
        </div>
      )}
    </Flex>
  );
}
