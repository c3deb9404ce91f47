import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Radio,
  Rate,
  Steps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { trackingHeaders } from './storage';
import type { CustomerReply, CustomerView } from './types';

/** Progress steps as the customer sees them, and the step each status stands on. */
const STEPS = [
  'stepReceived',
  'stepAccepted',
  'stepInvestigating',
  'stepReplied',
  'stepResolved',
  'stepClosed',
] as const;
const STEP_OF: Record<string, number> = {
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

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

interface Props {
  view: CustomerView;
  proof: string;
  onChange(view: CustomerView): void;
  onForget(): void;
}

/** The complaint as its complainant sees it: progress, answers, confirmation, survey, messages, files. */
export function ComplaintView({ view, proof, onChange, onForget }: Props) {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const base = `/portal/complaints/${encodeURIComponent(view.number)}`;
  /** A customer action: the answer is the new view; failures are told, not thrown. */
  const act = async (suffix: string, body: unknown): Promise<boolean> => {
    try {
      onChange(await api<CustomerView>(`${base}/${suffix}`, { body, headers: trackingHeaders(proof) }));
      return true;
    } catch (e) {
      message.error(t('portal.error.generic', { message: (e as Error).message }));
      return false;
    }
  };
  const step = STEP_OF[view.status];
  const category = view.category.map((c) => (locale === 'en' ? c.nameEn : c.nameZh)).join(' / ');

  return (
    <>
      <Card size="small" data-testid="complaint-view">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span className="portal-number" data-testid="track-number">
            {view.number}
          </span>
          <Tag
            color={step === undefined ? 'default' : 'red'}
            data-testid="status"
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

      <Card size="small" title={t('portal.replies.heading')} data-testid="replies">
        {view.replies.length === 0 ? (
          <Typography.Text type="secondary">{t('portal.replies.none')}</Typography.Text>
        ) : (
          view.replies.map((r) => <ReplyBlock key={`${r.kind}-${r.sentAt}-${r.summary}`} reply={r} />)
        )}
      </Card>

      {(view.mayConfirm || view.confirmation) && <Confirmation view={view} act={act} />}
      {(view.maySurvey || view.survey) && <SurveyCard view={view} act={act} />}

      <Card size="small" title={t('portal.view.complaint')}>
        <Typography.Paragraph strong className="portal-wrap">
          {view.title}
        </Typography.Paragraph>
        <Typography.Paragraph className="portal-wrap">{view.content}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'category', label: t('portal.view.category'), children: category },
            ...(view.demands.length
              ? [
                  {
                    key: 'demands',
                    label: t('portal.view.demands'),
                    children: view.demands
                      .map((d) => t(`portal.demand.${d}` as 'portal.demand.other'))
                      .join(locale === 'en' ? ', ' : '、'),
                  },
                ]
              : []),
            ...(view.demandAmount !== null
              ? [{ key: 'amount', label: t('portal.view.demandAmount'), children: yuan(view.demandAmount) }]
              : []),
            ...(view.references.waybillNo
              ? [{ key: 'waybill', label: t('portal.view.waybillNo'), children: view.references.waybillNo }]
              : []),
            ...(view.references.orderNo
              ? [{ key: 'order', label: t('portal.view.orderNo'), children: view.references.orderNo }]
              : []),
          ]}
        />
      </Card>

      <Messages view={view} act={act} />
      <Evidence view={view} proof={proof} base={base} onChange={onChange} />
      {view.mayWithdraw && <Withdraw act={act} />}
      <Button type="link" onClick={onForget} block>
        {t('portal.view.forget')}
      </Button>
    </>
  );
}

function ReplyBlock({ reply }: { reply: CustomerReply }) {
  const { t } = useI18n();
  const section = (key: 'summary' | 'actions' | 'result' | 'basis' | 'followUp'): ReactNode =>
    reply[key] ? (
      <div key={key}>
        <div className="portal-section-title">{t(`portal.replies.${key}`)}</div>
        <Typography.Paragraph className="portal-wrap" style={{ marginBottom: 4 }}>
          {reply[key]}
        </Typography.Paragraph>
      </div>
    ) : null;
  return (
    <div data-testid="reply" style={{ marginBottom: 8 }}>
      {(['summary', 'actions', 'result', 'basis', 'followUp'] as const).map(section)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.replies.sentAt', { time: when(reply.sentAt) })}
      </Typography.Text>
    </div>
  );
}

type Act = (suffix: string, body: unknown) => Promise<boolean>;

function Confirmation({ view, act }: { view: CustomerView; act: Act }) {
  const { t } = useI18n();
  const [unhappy, setUnhappy] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (outcome: 'satisfied' | 'unsatisfied') => {
    setBusy(true);
    const ok = await act('confirmation', { outcome, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setBusy(false);
    if (ok) setUnhappy(false);
  };
  if (!view.mayConfirm && view.confirmation)
    return (
      <Alert
        type={view.confirmation.outcome === 'satisfied' ? 'success' : 'info'}
        showIcon
        data-testid="confirmation"
        title={t(
          view.confirmation.outcome === 'satisfied'
            ? 'portal.confirm.doneSatisfied'
            : 'portal.confirm.doneUnsatisfied',
        )}
      />
    );
  return (
    <Card size="small" title={t('portal.confirm.heading')} data-testid="confirmation">
      {unhappy ? (
        <>
          <Input.TextArea
            aria-label={t('portal.confirm.comment')}
            placeholder={t('portal.confirm.comment')}
            value={comment}
            maxLength={2000}
            autoSize={{ minRows: 3 }}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="portal-actions" style={{ marginTop: 8 }}>
            <Button onClick={() => setUnhappy(false)} disabled={busy}>
              {t('portal.confirm.satisfied')}
            </Button>
            <Button type="primary" danger loading={busy} onClick={() => send('unsatisfied')}>
              {t('portal.confirm.send')}
            </Button>
          </div>
        </>
      ) : (
        <div className="portal-actions">
          <Button type="primary" size="large" loading={busy} onClick={() => send('satisfied')}>
            {t('portal.confirm.satisfied')}
          </Button>
          <Button size="large" disabled={busy} onClick={() => setUnhappy(true)}>
            {t('portal.confirm.unsatisfied')}
          </Button>
        </div>
      )}
    </Card>
  );
}

const RATINGS = ['speed', 'effectiveness', 'attitude', 'transparency'] as const;
type Rating = (typeof RATINGS)[number];

function SurveyCard({ view, act }: { view: CustomerView; act: Act }) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Partial<Record<Rating, number>>>({});
  const [recommendation, setRecommendation] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState('');
  const [busy, setBusy] = useState(false);
  const [incomplete, setIncomplete] = useState(false);

  if (view.survey)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="survey-done"
        title={t('portal.survey.thanks')}
        description={t('portal.survey.done', {
          speed: view.survey.speed,
          effectiveness: view.survey.effectiveness,
          attitude: view.survey.attitude,
          transparency: view.survey.transparency,
          recommendation: view.survey.recommendation,
        })}
      />
    );
  const complete = RATINGS.every((r) => scores[r]) && recommendation !== null;
  const send = async () => {
    if (!complete) {
      setIncomplete(true);
      return;
    }
    setBusy(true);
    await act('survey', {
      ...scores,
      recommendation,
      ...(suggestions.trim() ? { suggestions: suggestions.trim() } : {}),
    });
    setBusy(false);
  };
  return (
    <Card size="small" title={t('portal.survey.heading')} data-testid="survey">
      <Typography.Paragraph type="secondary">{t('portal.survey.intro')}</Typography.Paragraph>
      {RATINGS.map((r) => (
        <div
          key={r}
          data-testid={`survey-${r}`}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}
        >
          <span>{t(`portal.survey.${r}`)}</span>
          <Rate value={scores[r] ?? 0} onChange={(v) => setScores((s) => ({ ...s, [r]: v || undefined }))} />
        </div>
      ))}
      <div className="portal-section-title" id="portal-recommendation" style={{ marginBottom: 6 }}>
        {t('portal.survey.recommendation')}
      </div>
      <Radio.Group
        className="portal-recommend"
        optionType="button"
        aria-labelledby="portal-recommendation"
        data-testid="survey-recommendation"
        value={recommendation}
        onChange={(e) => setRecommendation(e.target.value as number)}
        options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))}
      />
      <Input.TextArea
        aria-label={t('portal.survey.suggestions')}
        placeholder={t('portal.survey.suggestions')}
        value={suggestions}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        onChange={(e) => setSuggestions(e.target.value)}
        style={{ marginTop: 12 }}
      />
      {incomplete && !complete && (
        <Alert type="warning" showIcon title={t('portal.survey.incomplete')} style={{ marginTop: 8 }} />
      )}
      <Button type="primary" block size="large" loading={busy} onClick={send} style={{ marginTop: 12 }}>
        {t('portal.survey.submit')}
      </Button>
    </Card>
  );
}

function Messages({ view, act }: { view: CustomerView; act: Act }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!body.trim()) return;
    setBusy(true);
    if (await act('messages', { body: body.trim() })) setBody('');
    setBusy(false);
  };
  return (
    <Card size="small" title={t('portal.messages.heading')} data-testid="messages">
      <div className="portal-messages">
        {view.messages.length === 0 && (
          <Typography.Text type="secondary">{t('portal.messages.none')}</Typography.Text>
        )}
        {view.messages.map((m) => {
          const mine = m.author === 'customer';
          return (
            <div key={m.id} className={`portal-message${mine ? ' mine' : ''}`}>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {t(mine ? 'portal.messages.customer' : 'portal.messages.staff')} · {when(m.createdAt)}
              </div>
              <div className="portal-wrap">{m.body}</div>
            </div>
          );
        })}
      </div>
      <Input.TextArea
        aria-label={t('portal.messages.placeholder')}
        placeholder={t('portal.messages.placeholder')}
        value={body}
        maxLength={5000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setBody(e.target.value)}
        style={{ marginTop: 12 }}
      />
      <Button block onClick={send} loading={busy} disabled={!body.trim()} style={{ marginTop: 8 }}>
        {t('portal.messages.send')}
      </Button>
    </Card>
  );
}

function Evidence({
  view,
  proof,
  base,
  onChange,
}: {
  view: CustomerView;
  proof: string;
  base: string;
  onChange(view: CustomerView): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const data = new FormData();
      data.append('file', file, file.name);
      await api(`${base}/evidence`, { body: data, headers: trackingHeaders(proof) });
      message.success(t('portal.evidence.added'));
      onChange(await api<CustomerView>(base, { headers: trackingHeaders(proof) }));
    } catch (e) {
      message.error(t('portal.error.generic', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
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
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} style={{ marginTop: 12 }}>
          {t('portal.evidence.add')}
        </Button>
      </Upload>
    </Card>
  );
}

function Withdraw({ act }: { act: Act }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button danger block onClick={() => setOpen(true)}>
        {t('portal.withdraw.button')}
      </Button>
    );
  return (
    <Card size="small" title={t('portal.withdraw.button')}>
      <Input.TextArea
        aria-label={t('portal.withdraw.reason')}
        placeholder={t('portal.withdraw.reason')}
        value={reason}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="portal-actions" style={{ marginTop: 8 }}>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        <Button
          danger
          type="primary"
          loading={busy}
          disabled={!reason.trim()}
          onClick={async () => {
            setBusy(true);
            await act('withdraw', { reason: reason.trim() });
            setBusy(false);
          }}
        >
          {t('portal.withdraw.confirm')}
        </Button>
      </div>
    </Card>
  );
}
