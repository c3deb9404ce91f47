import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client';
import { type Translate, useI18n } from '../../../i18n';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { useSession } from '../../session';
import { ActionPanel, type ActionRequest } from './ActionPanel';
import { CaseCard } from './CaseCard';
import { ComplaintTimeline } from './ComplaintTimeline';
import { EvidenceList } from './EvidenceList';
import { formatTime, yuan } from './format';
import { SimilarPanel } from './SimilarPanel';
import { type ComplaintDetail, CURATE_CASE } from './types';
import { useTermOf } from './useTermOf';

type Key = Parameters<Translate>[0];

const STATUS_COLOR: Record<string, string> = {
  received: 'default',
  accepted: 'cyan',
  assigned: 'geekblue',
  investigating: 'blue',
  waiting_customer: 'gold',
  proposed: 'orange',
  approved: 'lime',
  replied: 'purple',
  resolved: 'green',
  invalid: 'default',
  merged: 'default',
  withdrawn: 'default',
  closed: 'green',
};
const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };
const PRIORITY_COLOR: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };

/** 投诉详情: the whole record, its clocks, history, evidence, and the actions this user may take. */
export default function ComplaintPage() {
  const { number = '' } = useParams();
  const { t, term, locale } = useI18n();
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [actionRequest, setActionRequest] = useState<ActionRequest | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api<ComplaintDetail>(`/complaints/${encodeURIComponent(number)}`)
      .then((c) => {
        if (!live) return;
        setComplaint(c);
        setRevealed(false);
      })
      .catch((e) => live && setError(e instanceof ApiError ? e.title : t('cp.loadFailed')));
    return () => {
      live = false;
    };
  }, [number, t]);

  const changed = useCallback((c: ComplaintDetail, opts: { revealed?: boolean } = {}) => {
    setComplaint(c);
    setRevealed(opts.revealed ?? false);
    setRevision((r) => r + 1);
  }, []);

  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={error}
        action={
          <Link to="/workbench">
            <Button size="small">{t('cp.back')}</Button>
          </Link>
        }
      />
    );
  if (!complaint) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = complaint;
  const categoryPath = c.category.path.map((p) => (locale === 'en' ? p.nameEn : p.nameZh)).join(' / ');
  const unitName = c.unit ? (locale === 'en' && c.unit.nameEn ? c.unit.nameEn : c.unit.name) : '—';

  return (
    <Flex vertical gap={16} data-testid="complaint-page">
      <Card>
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="start" wrap gap={8}>
            <Flex vertical gap={4} align="start">
              <Link to="/workbench">
                <ArrowLeftOutlined /> {t('cp.back')}
              </Link>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number">
                {c.number}
              </Typography.Title>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {c.title}
              </Typography.Text>
            </Flex>
            <Space wrap>
              <Tag color={STATUS_COLOR[c.status]} data-testid="complaint-status" style={{ fontSize: 14 }}>
                {term('status', c.status)}
              </Tag>
              <Tag color={PRIORITY_COLOR[c.priority]}>{term('priority', c.priority)}</Tag>
              <Tag color={c.grade === 'major' ? 'red' : 'default'}>{term('grade', c.grade)}</Tag>
              <Tag>{term('channel', c.channel)}</Tag>
              {c.repeatComplaint && <Tag color="magenta">{t('cp.repeat')}</Tag>}
              {c.referral && (
                <Tag color="purple">
                  {t('cp.referralText', {
                    authority: c.referral.authority ?? '—',
                    number: c.referral.number ?? '—',
                  })}
                </Tag>
              )}
              {c.escalationLevel > 0 && (
                <Tag color="volcano">{t('cp.escalated', { level: c.escalationLevel })}</Tag>
              )}
              {c.reopenCount > 0 && <Tag color="gold">{t('cp.reopened', { count: c.reopenCount })}</Tag>}
            </Space>
          </Flex>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('cp.unit')}>{unitName}</Descriptions.Item>
            <Descriptions.Item label={t('cp.assignee')}>
              <span data-testid="complaint-assignee">{c.assignee?.name ?? t('cp.unassigned')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cp.receivedAt')}>{formatTime(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('cp.registeredBy')}>{c.registeredBy?.name ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Text type="secondary">{t('cp.deadlines')}: </Typography.Text>
            {c.deadlines.length === 0 ? (
              <Typography.Text type="secondary">{t('cp.noDeadlines')}</Typography.Text>
            ) : (
              <Space wrap size={[4, 4]} data-testid="complaint-deadlines">
                {c.deadlines.map((d) => (
                  <DeadlineCountdown key={d.stage} deadline={d} />
                ))}
              </Space>
            )}
          </div>
          {c.allowedActions.some((a) => a !== CURATE_CASE) && (
            <div>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                {t('cp.actions')}
              </Typography.Text>
              <ActionPanel complaint={c} onChanged={changed} request={actionRequest} />
            </div>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <RecordCard complaint={c} revealed={revealed} categoryPath={categoryPath} onReveal={changed} />
            <HandlingCard complaint={c} />
            <SimilarPanel
              number={c.number}
              onUseRemedy={
                c.allowedActions.includes('propose')
                  ? (r) =>
                      setActionRequest({
                        action: 'propose',
                        values: { kinds: r.kinds, amountYuan: r.amount / 100 },
                      })
                  : undefined
              }
            />
            <Card title={t('cp.section.evidence')} size="small">
              <EvidenceList complaint={c} onChanged={() => setRevision((r) => r + 1)} />
            </Card>
            <MessagesCard complaint={c} onChanged={changed} />
            <Card title={t('cp.section.links')} size="small">
              {c.links.length === 0 ? (
                <Typography.Text type="secondary">{t('cp.noLinks')}</Typography.Text>
              ) : (
                <Space wrap>
                  {c.links.map((l) => (
                    <Tag key={`${l.kind}-${l.number}`}>
                      {t(`cp.linkKind.${l.kind}` as Key) === `cp.linkKind.${l.kind}`
                        ? l.kind
                        : t(`cp.linkKind.${l.kind}` as Key)}
                      : <Link to={`/complaints/${l.number}`}>{l.number}</Link>
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CaseCard complaint={c} onChanged={changed} />
            <Card title={t('cp.section.timeline')} size="small">
              <ComplaintTimeline number={c.number} revision={revision} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

function RecordCard({
  complaint: c,
  revealed,
  categoryPath,
  onReveal,
}: {
  complaint: ComplaintDetail;
  revealed: boolean;
  categoryPath: string;
  onReveal(c: ComplaintDetail, opts: { revealed: boolean }): void;
}) {
  const { t } = useI18n();
  const termOf = useTermOf();
  const { has } = useSession();
  const { message } = App.useApp();
  const [revealRoles, setRevealRoles] = useState<string[] | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);

  useEffect(() => {
    api<{ personalDataRoles: string[] }>('/settings/privacy')
      .then((s) => setRevealRoles(s.personalDataRoles))
      .catch(() => setRevealRoles(['supervisor', 'manager', 'executive']));
  }, []);

  const reveal = async () => {
    setRevealing(true);
    setRevealError(null);
    try {
      const full = await api<ComplaintDetail>(`/complaints/${c.number}?reveal=true`);
      onReveal(full, { revealed: true });
      message.info(t('cp.revealNote'));
    } catch (e) {
      setRevealError(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setRevealing(false);
    }
  };
  const mayReveal = revealRoles !== null && has(...revealRoles);
  const hasContact = !!(c.complainant.phone || c.complainant.email);
  const refs = Object.entries(c.references).filter(([, v]) => v);

  return (
    <Card title={t('cp.section.record')} size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('cp.complainant')}>{c.complainant.name}</Descriptions.Item>
        <Descriptions.Item label={t('cp.identityVerified')}>
          {c.complainant.identityVerified ? t('cp.yes') : t('cp.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.phone')}>
          <span data-testid="complainant-phone">{c.complainant.phone ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.email')}>
          <span data-testid="complainant-email">{c.complainant.email ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.preferredContact')} span="filled">
          {c.complainant.preferredContact ? termOf('contactChannel', c.complainant.preferredContact) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {hasContact && (
        <Flex gap={8} align="center" wrap style={{ margin: '8px 0' }}>
          {revealed ? (
            <Tag color="orange" icon={<EyeOutlined />} data-testid="revealed">
              {t('cp.revealed')}
            </Tag>
          ) : (
            mayReveal && (
              <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={reveal}>
                {t('cp.reveal')}
              </Button>
            )
          )}
          {mayReveal && !revealed && <Typography.Text type="secondary">{t('cp.revealNote')}</Typography.Text>}
          {revealError && <Alert type="error" showIcon title={revealError} />}
        </Flex>
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('cp.content')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {c.content}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('cp.demands')}>
          <Space wrap size={[4, 4]}>
            {c.demands.length === 0 ? '—' : c.demands.map((d) => <Tag key={d}>{termOf('demand', d)}</Tag>)}
            {c.demandAmount !== null && (
              <span>
                {t('cp.demandAmount')}: {yuan(c.demandAmount)}
              </span>
            )}
          </Space>
        </Descriptions.Item>
        {c.demandText && <Descriptions.Item label={t('cp.demandText')}>{c.demandText}</Descriptions.Item>}
        <Descriptions.Item label={t('cp.category')}>
          <Space>
            <span data-testid="complaint-category">{categoryPath || '—'}</span>
            <Tag color={c.category.confirmed ? 'green' : 'default'}>
              {c.category.confirmed ? t('cp.categoryConfirmed') : t('cp.categoryUnconfirmed')}
            </Tag>
          </Space>
        </Descriptions.Item>
        {c.majorReasons.length > 0 && (
          <Descriptions.Item label={t('cp.majorReasons')}>
            {c.majorReasons.map((r) => (
              <Tag key={r} color="red">
                {termOf('majorReason', r)}
              </Tag>
            ))}
          </Descriptions.Item>
        )}
        {c.tags.length > 0 && (
          <Descriptions.Item label={t('cp.tags')}>
            {c.tags.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cp.references')}>
          {refs.length === 0 ? (
            '—'
          ) : (
            <Space wrap size={[16, 4]}>
              {refs.map(([k, v]) => (
                <span key={k}>
                  {t(`cp.ref.${k}` as Key)}: {v}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function HandlingCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const termOf = useTermOf();
  const j = c.judgement;
  return (
    <Card title={t('cp.section.handling')} size="small" data-testid="complaint-handling">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('cp.judgement')}
      </Typography.Title>
      {j ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('cp.liableParty')}>{termOf('liable', j.liableParty)}</Descriptions.Item>
          <Descriptions.Item label={t('cp.degree')}>{termOf('degree', j.degree)}</Descriptions.Item>
          <Descriptions.Item label={t('cp.responsibleUnit')}>
            {j.responsibleUnit?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.responsiblePerson')}>
            {j.responsiblePerson ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.basis')} span="filled">
            {j.basis ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('cp.judgedBy')} span="filled">
            {j.judgedBy?.name ?? '—'} {formatTime(j.judgedAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('cp.noJudgement')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cp.validity')}
      </Typography.Title>
      {c.validity ? (
        <Space>
          <Tag color={c.validity.validity === 'valid' ? 'red' : 'default'}>
            {termOf('validity', c.validity.validity)}
          </Tag>
          {c.validity.kind && <span>{termOf('validKind', c.validity.kind)}</span>}
          {c.validity.invalidReason && <span>{termOf('invalidReason', c.validity.invalidReason)}</span>}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('cp.noValidity')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cp.remedies')}
      </Typography.Title>
      {c.remedies.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noRemedies')}</Typography.Text>
      ) : (
        c.remedies.map((r) => (
          <div key={r.id} data-testid={`remedy-${r.id}`} style={ROW}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'orange'}>
                  {termOf('remedyStatus', r.status)}
                </Tag>
                {r.kinds.map((k) => (
                  <Tag key={k}>{termOf('remedy', k)}</Tag>
                ))}
                <Typography.Text strong>{yuan(r.amount)}</Typography.Text>
                {r.requiredRole && (
                  <Typography.Text type="secondary">
                    {t('cp.requiredRole')}: {termOf('role', r.requiredRole)}
                  </Typography.Text>
                )}
              </Space>
              <Typography.Text>{r.description}</Typography.Text>
              {r.internalActions.length > 0 && (
                <Typography.Text type="secondary">
                  {t('cp.internalActions')}: {r.internalActions.map((a) => termOf('internal', a)).join('、')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {t('cp.proposedBy', { name: r.proposedBy?.name ?? '—' })} {formatTime(r.proposedAt)}
                {r.decidedBy &&
                  ` · ${t('cp.decidedBy', { name: r.decidedBy.name ?? '—' })} ${formatTime(r.decidedAt)}`}
                {r.decisionComment && ` · ${r.decisionComment}`}
              </Typography.Text>
            </Flex>
          </div>
        ))
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cp.replies')}
      </Typography.Title>
      {c.replies.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noReplies')}</Typography.Text>
      ) : (
        c.replies.map((r) => (
          <Descriptions
            key={r.id}
            size="small"
            column={1}
            bordered
            data-testid={`reply-${r.id}`}
            title={`${termOf('method', r.method)} · ${r.sentBy?.name ?? '—'} · ${formatTime(r.sentAt)}`}
            style={{ marginBottom: 12 }}
          >
            <Descriptions.Item label={t('cp.reply.summary')}>{r.summary}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.actions')}>{r.actions}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.result')}>{r.result}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.basis')}>{r.basis}</Descriptions.Item>
            <Descriptions.Item label={t('cp.reply.followUp')}>{r.followUp}</Descriptions.Item>
          </Descriptions>
        ))
      )}
      {c.customerConfirmation && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('cp.confirmation')}:</Typography.Text>
          <Tag color={c.customerConfirmation === 'satisfied' ? 'green' : 'red'} data-testid="confirmation">
            {termOf('confirm', c.customerConfirmation)}
          </Tag>
        </Space>
      )}
      {c.survey && (
        <Descriptions size="small" title={t('cp.survey')} column={{ xs: 2, md: 5 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('cp.survey.speed')}>{c.survey.speed}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.effectiveness')}>{c.survey.effectiveness}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.attitude')}>{c.survey.attitude}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.transparency')}>{c.survey.transparency}</Descriptions.Item>
          <Descriptions.Item label={t('cp.survey.recommendation')}>
            {c.survey.recommendation}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function MessagesCard({
  complaint: c,
  onChanged,
}: {
  complaint: ComplaintDetail;
  onChanged(c: ComplaintDetail): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const canWrite = c.status !== 'closed' && c.allowedActions.some((a) => a !== CURATE_CASE);
  const send = async () => {
    if (!body.trim()) return;
    setSending(true);
    try {
      const updated = await api<ComplaintDetail>(`/complaints/${c.number}/messages`, { body: { body } });
      setBody('');
      onChanged(updated);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title={t('cp.section.messages')} size="small">
      {c.messages.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noMessages')}</Typography.Text>
      ) : (
        c.messages.map((m) => (
          <div key={m.id} style={ROW}>
            <Space>
              <Tag color={m.author === 'customer' ? 'blue' : 'default'}>
                {m.author === 'customer' ? t('cp.message.customer') : t('cp.message.staff')}
              </Tag>
              {m.by?.name}
              <Typography.Text type="secondary">{formatTime(m.createdAt)}</Typography.Text>
            </Space>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</div>
          </div>
        ))
      )}
      {canWrite && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={2}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('cp.message.placeholder')}
            aria-label={t('cp.message.placeholder')}
          />
          <div>
            <Button onClick={send} loading={sending} disabled={!body.trim()}>
              {t('cp.message.send')}
            </Button>
          </div>
        </Flex>
      )}
    </Card>
  );
}
