import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Cascader,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { ApiError, api, query } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { CustomerPanel, type Lookup } from './CustomerPanel';
import { type CategoryGuess, confident, useSuggestion } from './classification';
import type { Outcome } from './ResultPanel';
import { type FieldState, type SuggestedField, Suggestions } from './Suggestions';
import {
  type Category,
  CHANNELS,
  CONTACT_CHANNELS,
  type CustomerProfile,
  categoryTree,
  DEMANDS,
  isWholePhone,
  MAJOR_REASONS,
  PRIORITIES,
  REFERRAL_CHANNELS,
  REMEDY_KINDS,
  REPLY_METHODS,
  type Registered,
  toFen,
} from './vocab';

interface Values {
  channel: string;
  receivedAt?: Dayjs;
  complainant: { name?: string; phone?: string; email?: string; preferredContact?: string };
  title?: string;
  content?: string;
  demands?: string[];
  demandAmount?: number | null;
  demandText?: string;
  categoryId?: number[];
  priority?: string;
  majorReasons?: string[];
  referral?: { number?: string; authority?: string; dueAt?: Dayjs };
  firstContact?: {
    reply?: Record<(typeof REPLY_SECTIONS)[number] | 'method', string | undefined>;
    remedy?: { kinds?: string[]; amount?: number | null; description?: string };
  };
  [reference: string]: unknown;
}

const REFERENCES = [
  'waybillNo',
  'orderNo',
  'store',
  'product',
  'batchNo',
  'region',
  'staffComplained',
] as const;
const REPLY_SECTIONS = ['summary', 'actions', 'result', 'basis', 'followUp'] as const;
const REPLY_KEYS = {
  summary: 'register.replySummary',
  actions: 'register.replyActions',
  result: 'register.replyResult',
  basis: 'register.replyBasis',
  followUp: 'register.replyFollowUp',
} as const;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

type AutoFilled = Record<SuggestedField, boolean>;
const NOTHING_AUTO: AutoFilled = { category: false, priority: false, grade: false };

/**
 * The RegisterBody of src/modules/complaints/schemas.ts from the form's values. What the form filled
 * in from a confident suggestion is left out: the API applies its own prediction then and records it
 * as applied automatically.
 */
function toBody(v: Values, firstContact: boolean, remedy: boolean, auto: AutoFilled) {
  const references = Object.fromEntries(REFERENCES.map((r) => [r, text(v[r])]).filter(([, value]) => value));
  const referral =
    REFERRAL_CHANNELS.includes(v.channel) && (text(v.referral?.number) || text(v.referral?.authority))
      ? {
          number: text(v.referral?.number) ?? '',
          authority: text(v.referral?.authority) ?? '',
          dueAt: v.referral?.dueAt?.toISOString(),
        }
      : undefined;
  const reply = v.firstContact?.reply;
  const r = v.firstContact?.remedy;
  return {
    channel: v.channel,
    receivedAt: v.receivedAt?.toISOString(),
    complainant: {
      name: text(v.complainant.name) ?? '',
      phone: text(v.complainant.phone),
      email: text(v.complainant.email),
      preferredContact: v.complainant.preferredContact,
    },
    title: text(v.title) ?? '',
    content: v.content?.trim() ?? '',
    demands: v.demands?.length ? v.demands : undefined,
    demandAmount: toFen(v.demandAmount),
    demandText: text(v.demandText),
    ...references,
    categoryId: auto.category ? undefined : v.categoryId?.at(-1),
    priority: auto.priority ? undefined : v.priority,
    majorReasons: v.majorReasons?.length ? v.majorReasons : undefined,
    referral,
    firstContact: firstContact
      ? {
          reply: {
            method: reply?.method ?? 'phone',
            ...Object.fromEntries(REPLY_SECTIONS.map((s) => [s, reply?.[s]?.trim() ?? ''])),
          },
          remedy: remedy
            ? {
                kinds: r?.kinds ?? [],
                amount: toFen(r?.amount) ?? 0,
                description: r?.description?.trim() ?? '',
              }
            : undefined,
        }
      : undefined,
  };
}

/** `/body/complainant/email` → ['complainant', 'email']; list items land on their list. */
const fieldName = (path: string) =>
  path
    .replace(/^\/body\/?/, '')
    .split('/')
    .filter((part) => part && !/^\d+$/.test(part));

export function RegisterForm({ onRegistered }: { onRegistered(outcome: Outcome): void }) {
  const { t, term, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [categories, setCategories] = useState<Category[]>([]);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [firstContact, setFirstContact] = useState(false);
  const [remedy, setRemedy] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ title: string; details: string[] } | null>(null);

  const channel = Form.useWatch('channel', form);
  const phone = Form.useWatch(['complainant', 'phone'], form);
  const majorReasons = Form.useWatch('majorReasons', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const categoryId = Form.useWatch('categoryId', form);
  const priority = Form.useWatch('priority', form);
  const suggestion = useSuggestion(title, content);
  // What the form holds because a suggestion was confident; the agent's own choice clears it.
  const [auto, setAuto] = useState<AutoFilled>(NOTHING_AUTO);
  const autoRef = useRef(auto);
  const major = (majorReasons?.length ?? 0) > 0 || auto.grade;

  useEffect(() => {
    api<{ items: Category[] }>('/categories').then((r) => setCategories(r.items));
  }, []);
  const options = useMemo(() => categoryTree(categories, locale === 'en'), [categories, locale]);

  // Look the caller up as soon as the number is whole.
  useEffect(() => {
    if (!isWholePhone(phone)) {
      setLookup({ state: 'idle' });
      return;
    }
    let stale = false;
    setLookup({ state: 'searching' });
    const timer = setTimeout(async () => {
      try {
        const found = await call('GET', '/customers', { query: { q: phone.trim(), limit: 1 } });
        if (stale) return;
        const first = found.items[0];
        if (!first) return setLookup({ state: 'new' });
        const customer = await call('GET', '/customers/:id', { params: { id: first.id }, query: {} });
        if (stale) return;
        setLookup({ state: 'found', customer });
        if (!text(form.getFieldValue(['complainant', 'name'])))
          form.setFieldValue(['complainant', 'name'], customer.name);
      } catch (e) {
        if (!stale) setLookup({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [phone, form]);

  // Fill what the agent has not touched from a confident suggestion; never overwrite the agent's choice.
  useEffect(() => {
    if (suggestion.state !== 'ready') return;
    const s = suggestion.suggestion;
    const was = autoRef.current;
    const next = { ...was };
    // Nor change a field under the agent's cursor (a suggestion arriving while they search the categories).
    const untouched = (name: 'categoryId' | 'priority') =>
      document.activeElement?.id !== name &&
      (!form.isFieldTouched(name) || was[name === 'categoryId' ? 'category' : 'priority']);
    if (untouched('categoryId')) {
      const sure = s.category && confident(s, s.category.confidence);
      next.category = !!sure;
      if (s.category && sure)
        form.setFieldValue(
          'categoryId',
          s.category.path.map((p) => p.id),
        );
      else if (was.category) form.setFieldValue('categoryId', undefined);
    }
    if (untouched('priority')) {
      const sure = s.priority && confident(s, s.priority.confidence);
      next.priority = !!sure;
      if (s.priority && sure) form.setFieldValue('priority', s.priority.value);
      else if (was.priority) form.setFieldValue('priority', undefined);
    }
    next.grade = s.grade?.value === 'major' && confident(s, s.grade.confidence);
    autoRef.current = next;
    setAuto(next);
  }, [suggestion, form]);

  const ownChoice = (field: SuggestedField, name?: 'categoryId' | 'priority') => {
    autoRef.current = { ...autoRef.current, [field]: false };
    setAuto(autoRef.current);
    if (name) form.setFields([{ name, touched: true, errors: [] }]);
  };
  const adoptCategory = (guess: CategoryGuess) => {
    form.setFieldValue(
      'categoryId',
      guess.path.map((p) => p.id),
    );
    ownChoice('category', 'categoryId');
  };
  const adoptPriority = (value: string) => {
    form.setFieldValue('priority', value);
    ownChoice('priority', 'priority');
  };
  const fieldStates: Record<SuggestedField, FieldState> = {
    category: { auto: auto.category, value: categoryId?.at(-1) ?? null },
    priority: { auto: auto.priority, value: priority ?? null },
    grade: { auto: auto.grade && !majorReasons?.length, value: majorReasons?.length ? 'major' : null },
  };
  const autoMark = (on: boolean) =>
    on ? (
      <Tag color="blue" data-testid="auto-classified">
        {t('classify.auto')}
      </Tag>
    ) : undefined;

  // A second Ctrl+Enter while the first is on its way must not register the complaint twice.
  const inFlight = useRef(false);
  const submit = async (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    try {
      const registered = await call('POST', '/complaints', {
        body: toBody(values, firstContact, remedy, autoRef.current),
      });
      let uploaded = 0;
      const uploadErrors: string[] = [];
      for (const f of files) {
        if (!f.originFileObj) continue;
        const data = new FormData();
        data.append('file', f.originFileObj, f.name);
        try {
          await api(`/complaints/${registered.number}/evidence`, { body: data });
          uploaded++;
        } catch (e) {
          uploadErrors.push(
            t('register.result.evidenceFailed', {
              name: f.name,
              message: e instanceof Error ? e.message : '',
            }),
          );
        }
      }
      onRegistered({ registered, uploaded, uploadErrors });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setProblem({ title: e instanceof Error ? e.message : String(e), details: [] });
        return;
      }
      const known = new Set(registeredFields());
      const onFields = new Map<string, { name: string[]; errors: string[] }>();
      const details: string[] = [];
      for (const f of e.fields) {
        const name = fieldName(f.path);
        const key = name.join('.');
        if (!known.has(key)) {
          details.push(f.message);
          continue;
        }
        const entry = onFields.get(key) ?? { name, errors: [] };
        entry.errors.push(f.message);
        onFields.set(key, entry);
      }
      form.setFields([...onFields.values()]);
      setProblem({ title: e.title, details });
      const first = [...onFields.values()][0];
      if (first) form.scrollToField(first.name, { focus: true });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  /** The names of the fields on screen now (for putting API messages on them). */
  const registeredFields = () =>
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .concat(['categoryId']);

  // Ctrl+Enter anywhere on the page submits, also after a click on a suggestion took the focus off the form.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.submit();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [form]);

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('register.required', { field }) },
  ];
  const isReferral = REFERRAL_CHANNELS.includes(channel ?? '');

  return (
    <div data-testid="register-form">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            onValuesChange={(changed: Partial<Values>) => {
              // Only the agent's own changes come here: they end what a suggestion filled in.
              if ('categoryId' in changed) ownChoice('category');
              if ('priority' in changed) ownChoice('priority');
            }}
            scrollToFirstError={{ focus: true }}
            initialValues={{
              channel: 'phone',
              receivedAt: dayjs(),
              complainant: { preferredContact: 'phone' },
            }}
          >
            <Card size="small" title={t('register.section.call')} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={['complainant', 'phone']} label={t('register.phone')}>
                    <Input autoFocus inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['complainant', 'name']}
                    label={t('register.name')}
                    rules={required(t('register.name'))}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['complainant', 'email']} label={t('register.email')}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['complainant', 'preferredContact']}
                    label={t('register.preferredContact')}
                  >
                    <Select
                      options={CONTACT_CHANNELS.map((c) => ({ value: c, label: term('channel', c) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={t('register.channel')}>
                    <Select
                      showSearch
                      options={CHANNELS.map((c) => ({ value: c, label: term('channel', c) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="receivedAt" label={t('register.receivedAt')}>
                    <DatePicker
                      showTime
                      format="YYYY-MM-DD HH:mm"
                      allowClear={false}
                      style={{ width: '100%' }}
                      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {isReferral && (
                <Row gutter={12} data-testid="referral-fields">
                  <Col xs={24}>
                    <Typography.Text strong>{t('register.section.referral')}</Typography.Text>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['referral', 'number']}
                      label={t('register.referralNumber')}
                      rules={required(t('register.referralNumber'))}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['referral', 'authority']}
                      label={t('register.referralAuthority')}
                      rules={required(t('register.referralAuthority'))}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['referral', 'dueAt']} label={t('register.referralDueAt')}>
                      <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>

            <Card size="small" title={t('register.section.content')} style={{ marginBottom: 12 }}>
              <Form.Item
                name="title"
                label={t('register.titleField')}
                rules={required(t('register.titleField'))}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="content" label={t('register.content')} rules={required(t('register.content'))}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Card>

            <Card size="small" title={t('register.section.classify')} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col xs={24} md={16}>
                  <Form.Item
                    name="categoryId"
                    label={t('register.category')}
                    extra={autoMark(auto.category)}
                    rules={[
                      { required: true, message: t('register.required', { field: t('register.category') }) },
                    ]}
                  >
                    <Cascader
                      options={options}
                      changeOnSelect
                      showSearch
                      placeholder={t('register.categoryPlaceholder')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="priority" label={t('register.priority')} extra={autoMark(auto.priority)}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('register.priorityAuto')}
                      options={PRIORITIES.map((p) => ({ value: p, label: term('priority', p) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="majorReasons"
                label={
                  <span>
                    {t('register.majorReasons')}{' '}
                    <Tag color={major ? 'red' : undefined} data-testid="grade-tag">
                      {major ? t('register.majorOn') : t('register.majorOff')}
                    </Tag>
                    {fieldStates.grade.auto && autoMark(true)}
                  </span>
                }
              >
                <Checkbox.Group
                  options={MAJOR_REASONS.map((m) => ({ value: m, label: t(`register.major.${m}` as const) }))}
                />
              </Form.Item>
            </Card>

            <Card size="small" title={t('register.demands')} style={{ marginBottom: 12 }}>
              <Form.Item name="demands" label={t('register.demands')}>
                <Checkbox.Group
                  options={DEMANDS.map((d) => ({ value: d, label: t(`register.demand.${d}` as const) }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="demandAmount" label={t('register.demandAmount')}>
                    <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="demandText" label={t('register.demandText')}>
                    <Input maxLength={2000} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title={t('register.section.references')} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                {REFERENCES.map((r) => (
                  <Col xs={24} md={r === 'staffComplained' || r === 'region' ? 12 : 8} key={r}>
                    <Form.Item name={r} label={t(`register.${r}` as const)}>
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>

            <Card size="small" title={t('register.section.evidence')} style={{ marginBottom: 12 }}>
              <Upload
                multiple
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <Button icon={<UploadOutlined />}>{t('register.evidenceAdd')}</Button>
              </Upload>
              <Typography.Text type="secondary">{t('register.evidenceHint')}</Typography.Text>
            </Card>

            <Card
              size="small"
              title={t('register.section.firstContact')}
              style={{ marginBottom: 12 }}
              extra={
                <Switch
                  checked={firstContact}
                  onChange={setFirstContact}
                  aria-label={t('register.firstContactSwitch')}
                  data-testid="first-contact"
                />
              }
            >
              {!firstContact ? (
                <Typography.Text type="secondary">{t('register.firstContactSwitch')}</Typography.Text>
              ) : (
                <>
                  <Form.Item
                    name={['firstContact', 'reply', 'method']}
                    label={t('register.replyMethod')}
                    initialValue="phone"
                  >
                    <Select
                      options={REPLY_METHODS.map((m) => ({
                        value: m,
                        label: t(`register.replyMethod.${m}` as const),
                      }))}
                    />
                  </Form.Item>
                  {REPLY_SECTIONS.map((s) => (
                    <Form.Item
                      key={s}
                      name={['firstContact', 'reply', s]}
                      label={t(REPLY_KEYS[s])}
                      rules={required(t(REPLY_KEYS[s]))}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                    </Form.Item>
                  ))}
                  <Form.Item label={t('register.remedySwitch')}>
                    <Switch checked={remedy} onChange={setRemedy} aria-label={t('register.remedySwitch')} />
                  </Form.Item>
                  {remedy && (
                    <>
                      <Form.Item name={['firstContact', 'remedy', 'kinds']} label={t('register.remedyKinds')}>
                        <Checkbox.Group
                          options={REMEDY_KINDS.map((k) => ({
                            value: k,
                            label: t(`register.remedy.${k}` as const),
                          }))}
                        />
                      </Form.Item>
                      <Row gutter={12}>
                        <Col xs={24} md={8}>
                          <Form.Item
                            name={['firstContact', 'remedy', 'amount']}
                            label={t('register.remedyAmount')}
                          >
                            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={16}>
                          <Form.Item
                            name={['firstContact', 'remedy', 'description']}
                            label={t('register.remedyDescription')}
                          >
                            <Input />
                          </Form.Item>
                        </Col>
                      </Row>
                    </>
                  )}
                </>
              )}
            </Card>

            {problem && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="register-problem"
                title={problem.title}
                description={problem.details.length ? problem.details.join('; ') : undefined}
              />
            )}
            <Button type="primary" size="large" loading={submitting} onClick={() => form.submit()}>
              {t('register.submit')}
            </Button>
          </Form>
        </Col>
        <Col xs={24} lg={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <CustomerPanel lookup={lookup} />
            <Suggestions
              state={suggestion}
              fields={fieldStates}
              onAdoptCategory={adoptCategory}
              onAdoptPriority={adoptPriority}
            />
          </div>
        </Col>
      </Row>
    </div>
  );
}
