import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { NewActionModal } from '../corrective-actions/NewActionModal';
import { STATUS_COLOR } from '../corrective-actions/shared';
import type { ComplaintDetail } from './contract';
import { formatTime } from './format';

type Key = Parameters<Translate>[0];

/** 整改措施: the actions this complaint is linked to, and (supervisors and above) opening one for it. */
export function CorrectiveActionsCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { has } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const actions = useApi('/complaints/:number/corrective-actions', { params: { number: c.number } });
  const items = actions.data?.items ?? [];
  const valid = c.validity?.validity === 'valid';
  return (
    <Card
      size="small"
      title={t('ca.onComplaint')}
      data-testid="complaint-corrective-actions"
      extra={
        has('supervisor', 'manager', 'executive') && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="ca-open"
          >
            {t('ca.new')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Typography.Text type={valid ? 'warning' : 'secondary'}>
          {valid ? t('ca.onComplaintHint') : t('ca.onComplaintNone')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {items.map((a) => (
            <Flex key={a.id} gap={8} align="center" wrap>
              <Link to={`/corrective-actions/${a.id}`}>{`#${a.id} ${a.title}`}</Link>
              <Tag color={STATUS_COLOR[a.status]}>{t(`ca.status.${a.status}` as Key)}</Tag>
              {a.overdue && <Tag color="red">{t('ca.overdue')}</Tag>}
              <Typography.Text type="secondary">
                {a.owner.name} · {formatTime(a.dueAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {creating && (
        <NewActionModal
          numbers={[c.number]}
          unitId={c.unit?.id}
          categoryId={c.category?.id}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/corrective-actions/${id}`)}
        />
      )}
    </Card>
  );
}
