import { Card, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { LANGUAGE_OPTIONS } from '../../../i18n/languages';
import { SearchSelect } from '../../../ui/SearchSelect';
import { TextField } from './fields';
import { CHANNELS, CONTACT_CHANNELS, REFERRAL_CHANNELS, REFERRAL_MAJOR_REASONS } from './vocab';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** 来电与投诉人: the caller (the number first: it finds the customer), the channel and, for a referral, the authority's details. */
export function CallerCard() {
  const { t, term } = useI18n();
  const form = Form.useFormInstance();
  const channel = Form.useWatch('channel');
  // A referral by an authority, a consumer association or the media is major by default; the agent sees it ticked.
  useEffect(() => {
    const reason = REFERRAL_MAJOR_REASONS[channel ?? ''];
    const ticked: string[] = form.getFieldValue('majorReasons') ?? [];
    if (reason && !ticked.includes(reason)) form.setFieldValue('majorReasons', [...ticked, reason]);
  }, [channel, form]);
  const channels = (list: readonly string[]) => list.map((c) => ({ value: c, label: term('channel', c) }));
  return (
    <Card size="small" title={t('register.section.call')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['complainant', 'phone']} label={t('register.phone')}>
            <Input autoFocus inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <TextField name={['complainant', 'name']} label={t('register.name')} md={8} required />
        <TextField name={['complainant', 'email']} label={t('register.email')} md={8} />
        <Col xs={12} md={4}>
          <Form.Item name={['complainant', 'preferredContact']} label={t('register.preferredContact')}>
            <Select options={channels(CONTACT_CHANNELS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={['complainant', 'locale']}
            label={t('register.locale')}
            tooltip={t('register.localeHelp')}
          >
            <Select options={LANGUAGE_OPTIONS} data-testid="complainant-locale" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="channel" label={t('register.channel')}>
            <SearchSelect options={channels(CHANNELS)} />
          </Form.Item>
        </Col>
        {/* Wide enough for the whole date and time at 1024 px. */}
        <Col xs={24} md={10}>
          <Form.Item name="receivedAt" label={t('register.receivedAt')}>
            <DatePicker
              showTime
              format={DATE_TIME}
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      {REFERRAL_CHANNELS.includes(channel ?? '') && (
        <Row gutter={12} data-testid="referral-fields">
          <Col xs={24}>
            <Typography.Text strong>{t('register.section.referral')}</Typography.Text>
          </Col>
          <TextField name={['referral', 'number']} label={t('register.referralNumber')} md={8} required />
          <TextField
            name={['referral', 'authority']}
            label={t('register.referralAuthority')}
            md={8}
            required
          />
          <Col xs={24} md={8}>
            {/* No clear button: it would be a stop in the tab order named in English; a date is typed over. */}
            <Form.Item name={['referral', 'dueAt']} label={t('register.referralDueAt')}>
              <DatePicker showTime format={DATE_TIME} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
}
