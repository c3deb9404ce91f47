import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { call } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { AppealsCard } from '../appeals/AppealsCard';
import { ReturnVisitsCard } from '../return-visits/ReturnVisitsCard';
import type { ActionRequest } from './ActionPanel';
import { CaseCard } from './CaseCard';
import { ChecklistCard } from './ChecklistCard';
import { ComplaintHeader } from './ComplaintHeader';
import { ComplaintTimeline } from './ComplaintTimeline';
import { CorrectiveActionsCard } from './CorrectiveActionsCard';
import { CustomerPanel } from './CustomerPanel';
import type { ComplaintDetail } from './contract';
import { EvidenceList } from './EvidenceList';
import { ExtensionsCard } from './extensions/ExtensionsCard';
import { HandlingCard } from './HandlingCard';
import { MessagesCard } from './MessagesCard';
import { NewMessageBanner } from './NewMessageBanner';
import { RecordCard, type ShownContact } from './RecordCard';
import { SimilarPanel } from './SimilarPanel';

type Key = Parameters<Translate>[0];

/** 投诉详情: the whole record, its clocks, history, evidence, and the actions this user may take. */
export default function ComplaintPage() {
  const { number = '' } = useParams();
  const { t } = useI18n();
  const detail = useApi('/complaints/:number', { params: { number }, query: {} });
  useEffect(() => {
    const before = document.title;
    document.title = t('cp.pageTitle', { number });
    return () => {
      document.title = before;
    };
  }, [number, t]);
  return <QueryState query={detail}>{(c) => <ComplaintView key={c.number} complaint={c} />}</QueryState>;
}

/**
 * The revealed phone and e-mail (GET with reveal=true, recorded in the history), shown until the
 * complaint changes: every fresh answer is masked again.
 */
function useReveal(number: string, version: string) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [revealed, setRevealed] = useState<{ version: string; contact: ShownContact } | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    setRevealing(true);
    setError(null);
    try {
      const full = await call('GET', '/complaints/:number', { params: { number }, query: { reveal: true } });
      setRevealed({ version, contact: { phone: full.complainant.phone, email: full.complainant.email } });
      await client.invalidateQueries({ queryKey: ['/complaints/:number/timeline'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setRevealing(false);
    }
  };
  const contact = revealed?.version === version ? revealed.contact : null;
  return { contact, revealing, error, reveal };
}

function ComplaintView({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const revealing = useReveal(c.number, c.updatedAt);
  const contact = revealing.contact ?? { phone: c.complainant.phone, email: c.complainant.email };
  return (
    <Flex vertical gap={16} data-testid="complaint-page">
      <NewMessageBanner complaint={c} />
      <ComplaintHeader complaint={c} request={request} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <RecordCard complaint={c} contact={contact} />
            <ChecklistCard complaint={c} />
            <HandlingCard complaint={c} />
            <ReturnVisitsCard complaint={c} />
            <ExtensionsCard complaint={c} />
            <AppealsCard complaint={c} />
            <SimilarPanel
              number={c.number}
              onUseRemedy={
                c.allowedActions.includes('propose')
                  ? (r) => setRequest({ action: 'propose', values: { kinds: r.kinds, amount: r.amount } })
                  : undefined
              }
            />
            <Card title={t('cp.section.evidence')} size="small">
              <EvidenceList complaint={c} />
            </Card>
            <MessagesCard complaint={c} />
            <LinksCard complaint={c} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CustomerPanel
              complaint={c}
              contact={contact}
              revealed={revealing.contact !== null}
              revealing={revealing.revealing}
              revealError={revealing.error}
              onReveal={() => void revealing.reveal()}
            />
            <CaseCard complaint={c} />
            <CorrectiveActionsCard complaint={c} />
            <Card title={t('cp.section.timeline')} size="small">
              <ComplaintTimeline number={c.number} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

/** 关联: the complaints this one is linked to, either way. */
function LinksCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const kindName = (kind: string) => {
    const key = `cp.linkKind.${kind}` as Key;
    return t(key) === key ? kind : t(key);
  };
  return (
    <Card title={t('cp.section.links')} size="small" data-testid="complaint-links">
      {c.links.length === 0 ? (
        <Typography.Text type="secondary">{t('cp.noLinks')}</Typography.Text>
      ) : (
        <Space wrap>
          {c.links.map((l) => (
            <Tag key={`${l.kind}-${l.number}`}>
              {kindName(l.kind)}: <Link to={`/complaints/${l.number}`}>{l.number}</Link>
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}
