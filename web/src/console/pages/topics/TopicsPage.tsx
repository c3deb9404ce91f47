import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../session';
import { TopicCard } from './TopicCard';

/** 热点: the topics of the latest daily run, those with complaints in what the user may see. */
export default function TopicsPage() {
  const { t } = useI18n();
  const { has } = useSession();
  const topics = useApi('/topics', { query: {} });
  const scoped = !has('executive', 'auditor', 'admin');
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('topics.title')}
        </Typography.Title>
        <Flex align="center" gap={12}>
          {topics.data?.ranAt && (
            <Typography.Text type="secondary">
              {t('topics.ranAt', {
                time: dayjs(topics.data.ranAt).format('YYYY-MM-DD HH:mm'),
                count: topics.data.complaints,
              })}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => topics.refetch()} loading={topics.isFetching}>
            {t('dashboard.refresh')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('topics.intro')}
      </Typography.Paragraph>
      <QueryState
        query={topics}
        isEmpty={(d) => d.topics.length === 0}
        empty={
          topics.data?.day ? (
            <Empty description={t('topics.empty')} />
          ) : (
            <Alert type="info" showIcon title={t('topics.notYet')} />
          )
        }
      >
        {(d) => (
          <Row gutter={[16, 16]}>
            {d.topics.map((topic) => (
              <Col key={topic.id} xs={24} xl={12}>
                <TopicCard topic={topic} scoped={scoped} />
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </Flex>
  );
}
