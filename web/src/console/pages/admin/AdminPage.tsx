import { Alert, Result, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { ApiTokensTab } from './ApiTokensTab';
import { AuthorityTab } from './AuthorityTab';
import { CalendarTab } from './CalendarTab';
import { CategoriesTab } from './CategoriesTab';
import { ChannelsTab } from './ChannelsTab';
import { ClassificationTab } from './ClassificationTab';
import { DispatchTab } from './DispatchTab';
import { JobsTab } from './JobsTab';
import { MailIntakeTab } from './MailIntakeTab';
import { SettingsTab } from './SettingsTab';
import { SlaTab } from './SlaTab';
import { type AdminUser, errorText, type Unit } from './shared';
import { TemplatesTab } from './TemplatesTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

const TABS = [
  'units',
  'users',
  'authority',
  'categories',
  'dispatch',
  'classification',
  'sla',
  'calendar',
  'templates',
  'channels',
  'mail',
  'tokens',
  'settings',
  'jobs',
] as const;
type Tab = (typeof TABS)[number];

/** 系统管理: organisation, users, approval authority, categories, dispatch rules, time limits, calendar, notice templates, notification channels, mail intake, API tokens, other settings, background jobs; each tab is /admin/<tab>. */
export default function AdminPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const sub = (useParams()['*'] ?? '').split('/')[0] as Tab;
  const tab: Tab = TABS.includes(sub) ? sub : 'units';
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      // GET /users is the admin's alone: its 403 tells a non-admin that this page is not theirs.
      const [u, us] = await Promise.all([
        api<{ items: Unit[] }>('/units'),
        api<{ items: AdminUser[] }>('/users'),
      ]);
      setUnits(u.items);
      setUsers(us.items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error instanceof ApiError && error.status === 403)
    return (
      <div data-testid="admin-forbidden">
        <Result status="403" title={t('admin.forbidden.title')} subTitle={t('admin.forbidden.text')} />
      </div>
    );
  if (error) return <Alert type="error" title={errorText(error, t('common.error'))} showIcon />;
  if (!units || !users) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/admin/${key}`)}
        items={[
          {
            key: 'units',
            label: t('admin.tab.units'),
            children: <UnitsTab units={units} onChanged={reload} />,
          },
          {
            key: 'users',
            label: t('admin.tab.users'),
            children: <UsersTab units={units} users={users} onChanged={reload} />,
          },
          { key: 'authority', label: t('admin.tab.authority'), children: <AuthorityTab /> },
          { key: 'categories', label: t('admin.tab.categories'), children: <CategoriesTab /> },
          { key: 'dispatch', label: t('admin.tab.dispatch'), children: <DispatchTab units={units} /> },
          {
            key: 'classification',
            label: t('admin.tab.classification'),
            children: <ClassificationTab />,
          },
          { key: 'sla', label: t('admin.tab.sla'), children: <SlaTab /> },
          { key: 'calendar', label: t('admin.tab.calendar'), children: <CalendarTab /> },
          { key: 'templates', label: t('admin.tab.templates'), children: <TemplatesTab /> },
          { key: 'channels', label: t('admin.tab.channels'), children: <ChannelsTab /> },
          { key: 'mail', label: t('admin.tab.mail'), children: <MailIntakeTab /> },
          { key: 'tokens', label: t('admin.tab.tokens'), children: <ApiTokensTab users={users} /> },
          { key: 'settings', label: t('admin.tab.settings'), children: <SettingsTab units={units} /> },
          { key: 'jobs', label: t('admin.tab.jobs'), children: <JobsTab /> },
        ]}
        destroyOnHidden
        tabPlacement="start"
      />
    </>
  );
}
