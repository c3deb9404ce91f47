import { Card } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { WarningDetail } from './WarningDetail';
import { WarningsList } from './WarningsList';

/** 预警: the list of warnings, or one warning (/warnings/:id). */
export default function WarningsPage() {
  const { id } = useParams();
  const { t } = useI18n();
  if (id) return <WarningDetail id={Number(id)} />;
  return (
    <Card title={t('warn.pageTitle')}>
      <WarningsList />
    </Card>
  );
}
