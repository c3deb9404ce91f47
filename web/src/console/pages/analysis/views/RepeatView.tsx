import { Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../../i18n';
import { type Figures, workbenchUrl } from '../drill';
import type { AnalysisFilters } from '../filters';
import { BreakdownChart } from './BreakdownChart';

/**
 * 重复投诉: repeat complaints against first ones; the complainants themselves are read in the
 * workbench, which shows them masked.
 */
export function RepeatView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const drill = figures.breakdowns.repeat.find((b) => b.key === '1')?.drill;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('an.repeat.intro')}</Typography.Text>
        {drill && (
          <Button onClick={() => navigate(workbenchUrl(drill))} data-testid="open-repeat">
            {t('an.repeat.open')}
          </Button>
        )}
      </Flex>
      <BreakdownChart title={t('an.tab.repeat')} breakdown="repeat" figures={figures} filters={filters} />
    </Flex>
  );
}
