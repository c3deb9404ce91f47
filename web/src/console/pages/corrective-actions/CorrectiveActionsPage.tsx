import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { ActionDetail } from './ActionDetail';
import { ActionsList } from './ActionsList';
import { NewActionModal } from './NewActionModal';

/** 整改: the list of actions, or one action (/corrective-actions/:id). */
export default function CorrectiveActionsPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { has } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const managing = has('supervisor', 'manager', 'executive', 'admin', 'auditor');
  if (id) return <ActionDetail id={Number(id)} />;
  return (
    <Card
      title={t('ca.pageTitle')}
      extra={
        has('supervisor', 'manager', 'executive') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('ca.new')}
          </Button>
        )
      }
    >
      <ActionsList managing={managing} />
      {creating && (
        <NewActionModal
          numbers={[]}
          onClose={() => setCreating(false)}
          onCreated={(newId) => navigate(`/corrective-actions/${newId}`)}
        />
      )}
    </Card>
  );
}
