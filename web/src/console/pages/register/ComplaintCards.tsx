import { Card, Cascader, Checkbox, Col, Form, Input, Row, Tag } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { SearchSelect } from '../../../ui/SearchSelect';
import { categoryTree, useCategories } from '../../components/categories';
import { useRequired } from './fields';
import { PRIORITY_AUTO } from './form-values';
import type { AutoClassification } from './useAutoClassification';
import { MAJOR_REASONS, PRIORITIES } from './vocab';

/** 投诉内容: the title and the customer's words. */
export function ContentCard() {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <Card size="small" title={t('register.section.content')} style={{ marginBottom: 12 }}>
      <Form.Item name="title" label={t('register.titleField')} rules={required(t('register.titleField'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('register.content')} rules={required(t('register.content'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </Card>
  );
}

const CASCADER_FIELDS = { label: 'title', value: 'value', children: 'children' } as const;

/**
 * 分类与紧急程度: the category (required, right after the words), the priority and the major-complaint
 * reasons. Neither select has a clear button: it would be a tab stop named "Clear"; the priority's
 * "by rules" option is the way back.
 */
export function ClassifyCard({ classification }: { classification: AutoClassification }) {
  const { t, term, locale } = useI18n();
  const categories = useCategories();
  const options = useMemo(() => categoryTree(categories, locale === 'en'), [categories, locale]);
  const { auto, fields } = classification;
  const major = fields.grade.value === 'major' || fields.grade.auto;
  const autoMark = (on: boolean) =>
    on ? (
      <Tag color="blue" data-testid="auto-classified">
        {t('classify.auto')}
      </Tag>
    ) : undefined;
  return (
    <Card size="small" title={t('register.section.classify')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={15}>
          <Form.Item
            name="categoryId"
            label={t('register.category')}
            extra={autoMark(auto.category)}
            rules={[{ required: true, message: t('register.required', { field: t('register.category') }) }]}
          >
            <Cascader
              options={options}
              fieldNames={CASCADER_FIELDS}
              changeOnSelect
              showSearch
              allowClear={false}
              placeholder={t('register.categoryPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name="priority" label={t('register.priority')} extra={autoMark(auto.priority)}>
            <SearchSelect
              placeholder={t('register.priorityAuto')}
              options={[
                { value: PRIORITY_AUTO, label: t('register.priorityAuto') },
                ...PRIORITIES.map((p) => ({ value: p, label: term('priority', p) })),
              ]}
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
            {fields.grade.auto && autoMark(true)}
          </span>
        }
      >
        <Checkbox.Group
          options={MAJOR_REASONS.map((m) => ({ value: m, label: t(`register.major.${m}` as const) }))}
        />
      </Form.Item>
    </Card>
  );
}
