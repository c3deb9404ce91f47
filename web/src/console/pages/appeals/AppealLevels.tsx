import { Typography } from 'antd';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useI18n } from '../../../i18n';

export type Appeal = CallOutput<EndpointAt<'GET', '/appeals/:id'>>;

export const STATUS_COLOR = {
  pending_supervisor: 'gold',
  pending_manager: 'orange',
  decided: 'green',
  withdrawn: 'default',
} as const;

/** Each reviewer level's answer, as far as it went. */
export function AppealLevels({ appeal }: { appeal: Appeal }) {
  const { t } = useI18n();
  return (
    <>
      {(['supervisor', 'manager'] as const).map((level) => {
        const l = appeal[level];
        if (!l.outcome) return null;
        return (
          <Typography.Text key={level} type="secondary" style={{ fontSize: 12 }}>
            {t('appeal.levelAnswer', {
              level: t(`appeal.level.${level}`),
              outcome: t(`appeal.outcomeShort.${l.outcome}`),
              name: l.reviewer?.name ?? '—',
              comment: l.comment ?? '',
            })}
          </Typography.Text>
        );
      })}
    </>
  );
}
