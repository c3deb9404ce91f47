import { Card, Flex, Typography } from 'antd';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useUnitName } from '../../components/units';
import { useSession } from '../../session';
import { PeriodBar } from './PeriodBar';
import { PersonSheetView } from './PersonSheetView';
import { asQuery, usePeriod } from './period';

/** 我的考核: the signed-in person's sheet, or (`?user=`) a person a supervisor clicked through to. */
export default function AssessmentPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const unitName = useUnitName();
  const period = usePeriod();
  const userId = Number(period.params.get('user')) || (user?.userId ?? 0);
  const sheet = useApi('/assessment/people/:userId', { params: { userId }, query: period.query });
  return (
    <Flex vertical gap={16} data-testid="assessment-page">
      <Card>
        <Flex vertical gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {sheet.data && userId !== user?.userId
              ? t('as.titleOf', { name: sheet.data.person.name })
              : t('as.title')}
            {sheet.data ? (
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
                {sheet.data.person.name} · {unitName(sheet.data.person.unitId, sheet.data.person.unitName)}
              </Typography.Text>
            ) : null}
          </Typography.Title>
          <PeriodBar
            frozen={sheet.data?.frozen ?? null}
            exportUrl={`/api/v1/assessment/people/${userId}/sheet.xlsx?${asQuery(period.query)}`}
          />
        </Flex>
      </Card>
      <QueryState query={sheet}>{(data) => <PersonSheetView sheet={data} />}</QueryState>
    </Flex>
  );
}
