import { Button, Space, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { BulkKind } from './BulkModal';
import type { ComplaintRow } from './model';

interface Props {
  selected: ComplaintRow[];
  onStart(kind: BulkKind): void;
  /** 发起整改: one corrective action for the selected complaints. */
  onCorrectiveAction(): void;
}

/** 批量受理 / 分派 / 转派 of the selected rows; assigning waits until every one is accepted, and says so. */
export function BulkActions({ selected, onStart, onCorrectiveAction }: Props) {
  const { t } = useI18n();
  const none = selected.length === 0;
  const unaccepted = selected.some((r) => r.status === 'received');
  return (
    <Space wrap>
      <Button
        type="primary"
        disabled={none || !selected.every((r) => r.status === 'received')}
        onClick={() => onStart('accept')}
      >
        {t('workbench.bulk.accept')}
      </Button>
      <Tooltip title={unaccepted ? t('workbench.bulk.assignNeedsAccept') : undefined}>
        <Button disabled={none || unaccepted} onClick={() => onStart('assign')}>
          {t('workbench.bulk.assign')}
        </Button>
      </Tooltip>
      <Button disabled={none} onClick={() => onStart('transfer')}>
        {t('workbench.bulk.transfer')}
      </Button>
      <Button disabled={none} onClick={onCorrectiveAction} data-testid="bulk-corrective-action">
        {t('ca.new')}
      </Button>
      {unaccepted && (
        <Typography.Text type="secondary" data-testid="bulk-hint">
          {t('workbench.bulk.assignNeedsAccept')}
        </Typography.Text>
      )}
      {!none && (
        <Typography.Text type="secondary">
          {t('workbench.selected', { count: selected.length })}
        </Typography.Text>
      )}
    </Space>
  );
}
