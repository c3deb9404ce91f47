import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Row, Typography, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { Suspense, useState } from 'react';
import { useI18n } from '../../../i18n';
import { onDemand } from '../../components/on-demand';
import { useSession } from '../../session';
import { CallerCard } from './CallerCard';
import { ClassifyCard, ContentCard } from './ComplaintCards';
import { CustomerPanel } from './CustomerPanel';
import { FirstContactCard } from './FirstContactCard';
import { FirstResponsePanel } from './FirstResponsePanel';
import type { Parts, Values } from './form-values';
import { DemandsCard, EvidenceCard, ReferencesCard } from './OptionalCards';
import type { Outcome } from './ResultPanel';
import { Suggestions } from './Suggestions';
import { useAutoClassification } from './useAutoClassification';
import { useCustomerLookup } from './useCustomerLookup';
import { useRegister } from './useRegister';

// 批量导入 is not part of the form's first load: fetched when it is about to be opened.
const ImportModal = onDemand(() => import('./ImportModal').then((m) => ({ default: m.ImportModal })));

const INITIAL: Partial<Values> = {
  channel: 'phone',
  complainant: { preferredContact: 'phone', locale: 'zh-CN' },
};

/**
 * 投诉登记, keyboard first: the caller, the words, the category (required) and then what is optional;
 * beside it who is calling and what 智能分类 suggests. Ctrl+Enter registers.
 */
export function RegisterForm({ onRegistered }: { onRegistered(outcome: Outcome): void }) {
  const { t } = useI18n();
  const { has } = useSession();
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [parts, setParts] = useState<Parts>({ firstContact: false, remedy: false });
  const lookup = useCustomerLookup(Form.useWatch(['complainant', 'phone'], form), form);
  const classification = useAutoClassification(form);
  const categoryPath = Form.useWatch('categoryId', form);
  const majorReasons = Form.useWatch('majorReasons', form);
  const { submit, problem, submitting } = useRegister(form, {
    parts,
    files,
    auto: classification.current,
    onRegistered,
  });

  return (
    <div data-testid="register-form">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('register.title')}
        </Typography.Title>
        {has('agent', 'supervisor', 'manager') && (
          <Button
            icon={<UploadOutlined />}
            onMouseEnter={ImportModal.prefetch}
            onFocus={ImportModal.prefetch}
            onClick={() => setImporting(true)}
            data-testid="import-open"
          >
            {t('import.open')}
          </Button>
        )}
      </Flex>
      {importing && (
        <Suspense fallback={null}>
          <ImportModal.Component onClose={() => setImporting(false)} />
        </Suspense>
      )}
      <Typography.Paragraph type="secondary">{t('register.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            onValuesChange={classification.onValuesChange}
            scrollToFirstError={{ focus: true }}
            initialValues={{ ...INITIAL, receivedAt: dayjs() }}
          >
            <CallerCard />
            <ContentCard />
            <ClassifyCard classification={classification} />
            <DemandsCard />
            <ReferencesCard />
            <EvidenceCard files={files} onChange={setFiles} />
            <FirstContactCard parts={parts} onChange={setParts} />
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
            <FirstResponsePanel categoryPath={categoryPath} majorReasons={majorReasons} />
            <Suggestions
              state={classification.suggestion}
              fields={classification.fields}
              onAdoptCategory={classification.adoptCategory}
              onAdoptPriority={classification.adoptPriority}
            />
          </div>
        </Col>
      </Row>
    </div>
  );
}
