import {
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Input,
  Row,
  Space,
  Spin,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type CallOutput, call, type EndpointAt } from '../../../api/call';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { categoryTree, useCategories } from '../../components/categories';
import { formatTime } from '../complaint/format';

type Page = CallOutput<EndpointAt<'GET', '/cases'>>;
type LibraryCase = Page['items'][number];

/** 案例库: search the cases by words and category branch; each with its lessons and 话术. */
export default function CasesPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = Number(params.get('categoryId')) || undefined;
  const [text, setText] = useState(q);
  const input = { query: { q: q || undefined, categoryId, limit: 20 } };
  const first = useApi('/cases', input);
  /** Later pages ("more"), for the search they were read for. */
  const [later, setLater] = useState<{ for: string; page: Page } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const searchKey = JSON.stringify(input);
  const extra = later?.for === searchKey ? later.page : null;
  const page: Page | null = first.data
    ? {
        items: [...first.data.items, ...(extra?.items ?? [])],
        nextCursor: extra ? extra.nextCursor : first.data.nextCursor,
      }
    : null;
  const error = first.error ? first.error.title : moreError;
  const categories = useCategories();
  const tree = useMemo(() => categoryTree(categories, locale === 'en'), [categories, locale]);

  const filter = (next: { q?: string; categoryId?: number }) => {
    const merged = { q, categoryId, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set('q', merged.q);
    if (merged.categoryId) p.set('categoryId', String(merged.categoryId));
    setParams(p);
  };
  const more = async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await call('GET', '/cases', { query: { ...input.query, cursor: page.nextCursor } });
      setLater({
        for: searchKey,
        page: { items: [...(extra?.items ?? []), ...next.items], nextCursor: next.nextCursor },
      });
      setMoreError(null);
    } catch (e) {
      setMoreError(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="cases-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('cases.intro')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          <Input.Search
            aria-label={t('cases.search')}
            placeholder={t('cases.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => filter({ q: v.trim() })}
            enterButton={t('common.search')}
            allowClear
            maxLength={200}
            style={{ maxWidth: 480 }}
          />
          <TreeSelect
            aria-label={t('cases.category')}
            placeholder={t('cases.allCategories')}
            treeData={tree}
            value={categoryId}
            onChange={(v?: number) => filter({ categoryId: v })}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width: 260 }}
          />
        </Flex>
      </Card>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!page ? (
        !error && <Spin style={{ display: 'block', margin: 48 }} />
      ) : page.items.length === 0 ? (
        <Card>
          <Empty description={t('cases.empty')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {page.items.map((c) => (
              <Col key={c.number} xs={24} lg={12}>
                <CaseItem item={c} />
              </Col>
            ))}
          </Row>
          {page.nextCursor && (
            <Button onClick={more} loading={loadingMore} style={{ alignSelf: 'center' }}>
              {t('cases.more')}
            </Button>
          )}
        </>
      )}
    </Flex>
  );
}

function CaseItem({ item: c }: { item: LibraryCase }) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      data-testid={`case-${c.number}`}
      title={c.title}
      extra={<Link to={`/complaints/${c.number}`}>{t('cases.openComplaint')}</Link>}
    >
      <Flex vertical gap={8}>
        <Space wrap size={[4, 4]}>
          <Tag color="blue">{locale === 'en' ? c.category.nameEn : c.category.nameZh}</Tag>
          <Link to={`/complaints/${c.number}`}>{c.number}</Link>
          {c.tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </Space>
        {c.summary && (
          <div>
            <Typography.Text type="secondary">{t('cases.summary')}: </Typography.Text>
            {c.summary}
          </div>
        )}
        <div>
          <Typography.Text type="secondary">{t('cases.lessons')}: </Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.lessons}</Typography.Text>
        </div>
        {c.scripts.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 'scripts',
                label: t('cases.scriptCount', { count: c.scripts.length }),
                children: c.scripts.map((s) => (
                  <div key={s.title} style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{s.title}</Typography.Text>
                    <Typography.Paragraph copyable style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                      {s.text}
                    </Typography.Paragraph>
                  </div>
                )),
              },
            ]}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.markedBy', { name: c.markedBy.name ?? '—', time: formatTime(c.markedAt) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
