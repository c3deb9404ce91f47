import { Card, Descriptions, Steps, Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { CustomerView } from '../api';
import { when } from './format';

/** Progress steps as the customer sees them, and the step each status stands on. */
const STEPS = [
  'stepReceived',
  'stepAccepted',
  'stepInvestigating',
  'stepReplied',
  'stepResolved',
  'stepClosed',
] as const;
const STEP_OF: Partial<Record<CustomerView['status'], number>> = {
  received: 0,
  accepted: 1,
  assigned: 1,
  investigating: 2,
  waiting_customer: 2,
  proposed: 2,
  approved: 2,
  replied: 3,
  resolved: 4,
  closed: 5,
};

/**
 * The status coloured by what it means to the customer: in hand (blue), waiting for them (orange),
 * answered and done (green), ended without an answer (grey). Never red: nothing went wrong.
 */
const STATUS_COLOR: Record<CustomerView['status'], string> = {
  received: 'processing',
  accepted: 'processing',
  assigned: 'processing',
  investigating: 'processing',
  proposed: 'processing',
  approved: 'processing',
  waiting_customer: 'warning',
  replied: 'processing',
  resolved: 'success',
  closed: 'success',
  invalid: 'default',
  merged: 'default',
  withdrawn: 'default',
};

/** The number, the status and how far the handling has come. */
export function ProgressCard({ view }: { view: CustomerView }) {
  const { t, term } = useI18n();
  const step = STEP_OF[view.status];
  return (
    <Card size="small" data-testid="complaint-view">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <span className="portal-number" data-testid="track-number">
          {view.number}
        </span>
        <Tag
          color={STATUS_COLOR[view.status]}
          data-testid="status"
          data-color={STATUS_COLOR[view.status]}
          style={{ marginInlineEnd: 0 }}
        >
          {term('status', view.status)}
        </Tag>
      </div>
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 8 }}
        items={[
          { key: 'received', label: t('portal.view.receivedAt'), children: when(view.receivedAt) },
          ...(step !== undefined && step < 4
            ? [{ key: 'expected', label: t('portal.view.expectedBy'), children: when(view.expectedBy) }]
            : []),
          ...view.extensions.map((e, i) => ({
            key: `extended-${i}`,
            label: t('portal.view.extended'),
            children: (
              <span data-testid="extension">
                {t('portal.view.extendedText', { days: e.days, reason: e.reason, time: when(e.approvedAt) })}
              </span>
            ),
          })),
        ]}
      />
      {step !== undefined && (
        <Steps
          orientation="vertical"
          size="small"
          current={step}
          status={step === STEPS.length - 1 ? 'finish' : 'process'}
          items={STEPS.map((s) => ({ title: t(`portal.view.${s}`) }))}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
