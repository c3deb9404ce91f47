import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { showFieldErrors } from '../../../api/form-errors';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../session';
import { AppealButton } from '../appeals/AppealButton';
import { formatTime } from '../complaint/format';
import { CHECK_QUERIES, type Check, STATUS_COLOR, shownScore } from './model';

type Item = Check['items'][number];
interface Values {
  items: Array<{ key: string; score: number | null; note: string }>;
  findings: string;
}
const GRADES = [
  { value: 1, key: 'pass' },
  { value: 0.5, key: 'partial' },
  { value: 0, key: 'fail' },
] as const;

/** 质检评分 beside the complaint (linked): a draft's scoring form, or a scored check's findings. */
export default function CheckPage() {
  const id = Number(useParams().id);
  const check = useApi('/quality-checks/:id', { params: { id } });
  return (
    <QueryState query={check}>
      {(c) => (c.mayScore ? <ScoreForm check={c} /> : <Findings check={c} />)}
    </QueryState>
  );
}

function Header({ check }: { check: Check }) {
  const { t, locale } = useI18n();
  const score = shownScore(check);
  return (
    <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('quality.col.complaint')} span={3}>
        <Space>
          <Link to={`/complaints/${check.complaint.number}`} data-testid="quality-complaint-link">
            {check.complaint.number} {check.complaint.title}
          </Link>
          <Typography.Text type="secondary">{t('quality.check.openComplaint')}</Typography.Text>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('quality.col.handler')}>{check.handler.name}</Descriptions.Item>
      <Descriptions.Item label={t('quality.col.unit')}>
        {locale === 'en' ? (check.unit.nameEn ?? check.unit.name) : check.unit.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('quality.col.period')}>{check.period}</Descriptions.Item>
      <Descriptions.Item label={t('quality.col.status')}>
        <Tag color={STATUS_COLOR[check.status]}>{t(`quality.status.${check.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('quality.col.score')}>
        <span data-testid="quality-score">{score ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('quality.col.checker')}>
        {check.checker.name} {formatTime(check.scoredAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ScoreForm({ check }: { check: Check }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('PUT', '/quality-checks/:id', { invalidates: CHECK_QUERIES });
  const label = (i: Item) => (locale === 'en' ? i.labelEn : i.labelZh);
  const initial: Values = {
    // A suggestion fills an unscored item; the checker changes it as they judge.
    items: check.items.map((i) => ({ key: i.key, score: i.score ?? i.suggestion, note: i.note })),
    findings: check.findings ?? '',
  };
  const submit = async (finalise: boolean) => {
    const v = form.getFieldsValue(true) as Values;
    if (finalise && v.items.some((i) => i.score === null || i.score === undefined)) {
      message.warning(t('quality.check.scoreAll'));
      return;
    }
    try {
      const saved = await save.mutateAsync({
        params: { id: check.id },
        body: {
          items: v.items.map((i) => ({ key: i.key, score: i.score ?? null, note: i.note ?? '' })),
          findings: v.findings ?? '',
          finalise,
        },
      });
      message.success(
        finalise ? t('quality.check.finalised', { score: saved.score ?? '—' }) : t('quality.check.saved'),
      );
    } catch (e) {
      for (const text of showFieldErrors(form, e)) message.error(text);
    }
  };
  return (
    <Card title={t('quality.check.title', { number: check.complaint.number })}>
      <Header check={check} />
      <Form<Values> form={form} initialValues={initial} layout="vertical" data-testid="quality-score-form">
        <Table<Item>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={check.items}
          columns={[
            {
              title: t('quality.check.item'),
              key: 'item',
              width: '30%',
              render: (_, i) => (
                <>
                  <Typography.Text strong>{label(i)}</Typography.Text>
                  {i.guidance && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                      {i.guidance}
                    </Typography.Paragraph>
                  )}
                </>
              ),
            },
            { title: t('quality.check.weight'), dataIndex: 'weight', width: 60 },
            {
              title: t('quality.check.score'),
              key: 'score',
              render: (_, i, index) => (
                <>
                  <Form.Item name={['items', index, 'score']} style={{ margin: 0 }}>
                    <Radio.Group
                      optionType="button"
                      size="small"
                      data-testid={`quality-item-${i.key}`}
                      options={GRADES.map((g) => ({ value: g.value, label: t(`quality.check.${g.key}`) }))}
                    />
                  </Form.Item>
                  {i.suggestion !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('quality.check.suggestion', { value: i.suggestion })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('quality.check.note'),
              key: 'note',
              width: '30%',
              render: (_, _i, index) => (
                <Form.Item name={['items', index, 'note']} style={{ margin: 0 }}>
                  <Input maxLength={500} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="findings" label={t('quality.check.findings')} style={{ marginTop: 16 }}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="quality-findings"
          />
        </Form.Item>
        <Space>
          <Button onClick={() => void submit(false)} loading={save.isPending}>
            {t('quality.check.save')}
          </Button>
          <Popconfirm title={t('quality.check.finaliseConfirm')} onConfirm={() => submit(true)}>
            <Button type="primary" loading={save.isPending} data-testid="quality-finalise">
              {t('quality.check.finalise')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}

/** A scored check as its handler (or a checker) reads it: each item's score and note, and the findings. */
function Findings({ check }: { check: Check }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const grade = (score: number | null) => GRADES.find((g) => g.value === score);
  return (
    <Card title={t('quality.check.title', { number: check.complaint.number })}>
      <Header check={check} />
      <Table<Item>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={check.items}
        data-testid="quality-findings-items"
        columns={[
          {
            title: t('quality.check.item'),
            key: 'item',
            render: (_, i) => (locale === 'en' ? i.labelEn : i.labelZh),
          },
          { title: t('quality.check.weight'), dataIndex: 'weight', width: 60 },
          {
            title: t('quality.check.score'),
            key: 'score',
            render: (_, i) => {
              const g = grade(i.score);
              return g ? t(`quality.check.${g.key}`) : (i.score ?? '—');
            },
          },
          { title: t('quality.check.note'), dataIndex: 'note' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('quality.check.findings')}
      </Typography.Title>
      <Typography.Paragraph data-testid="quality-findings-text">{check.findings ?? '—'}</Typography.Paragraph>
      {check.revisedScore !== null && (
        <Typography.Paragraph>
          {t('quality.check.revised', { score: check.revisedScore })}
        </Typography.Paragraph>
      )}
      {check.handler.id === user?.userId && check.status === 'final' && (
        <Space data-testid="quality-appeal-slot">
          <Typography.Text type="secondary">{t('quality.mine.appeal')}</Typography.Text>
          <AppealButton qualityCheckId={check.id} />
        </Space>
      )}
    </Card>
  );
}
