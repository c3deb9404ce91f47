import { Result, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { ReturnVisitSettings } from '../return-visits/ReturnVisitSettings';
import { ApiTokensTab } from './ApiTokensTab';
import { AssessmentRulesTab } from './AssessmentRulesTab';
import { AuthorityTab } from './AuthorityTab';
import { BackupTab } from './BackupTab';
import { CalendarTab } from './CalendarTab';
import { CategoriesTab } from './CategoriesTab';
import { ChannelsTab } from './ChannelsTab';
import { ClassificationTab } from './ClassificationTab';
import { DispatchTab } from './DispatchTab';
import { JobsTab } from './JobsTab';
import { MailIntakeTab } from './MailIntakeTab';
import { PartiesTab } from './PartiesTab';
import { PlaybooksTab } from './PlaybooksTab';
import { QualityChecklistsTab } from './QualityChecklistsTab';
import { SettingsTab } from './SettingsTab';
import { SlaTab } from './SlaTab';
import type { AdminUser, Unit } from './shared';
import { TemplatesTab } from './TemplatesTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';
import { VolumesTab } from './VolumesTab';
import { WarningSettingsTab } from './WarningSettingsTab';
import { WebhooksTab } from './WebhooksTab';

const TABS = [
  'units',
  'users',
  'parties',
  'authority',
  'categories',
  'dispatch',
  'playbooks',
  'quality',
  'return-visits',
  'volumes',
  'assessment-rules',
  'classification',
  'sla',
  'calendar',
  'warnings',
  'templates',
  'channels',
  'mail',
  'tokens',
  'webhooks',
  'settings',
  'backup',
  'jobs',
] as const;
type Tab = (typeof TABS)[number];

/** 系统管理: organisation, users, approval authority, categories, dispatch rules, playbooks, quality checklists, time limits, calendar, early-warning settings, notice templates, notification channels, mail intake, API tokens, webhooks, other settings, backups, background jobs; each tab is /admin/<tab>. */
export default function AdminPage() {
  const { t } = useI18n();
  const sub = (useParams()['*'] ?? '').split('/')[0] as Tab;
  const tab: Tab = TABS.includes(sub) ? sub : 'units';
  const units = useApi('/units', {});
  // GET /users is the admin's alone: its 403 tells a non-admin that this page is not theirs.
  const users = useApi('/users', {});

  if (users.error instanceof ApiError && users.error.status === 403)
    return (
      <div data-testid="admin-forbidden">
        <Result status="403" title={t('admin.forbidden.title')} subTitle={t('admin.forbidden.text')} />
      </div>
    );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <QueryState query={units}>
        {(u) => (
          <QueryState query={users}>
            {(us) => <AdminTabs tab={tab} units={u.items} users={us.items} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function AdminTabs({ tab, units, users }: { tab: Tab; units: Unit[]; users: AdminUser[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => navigate(`/admin/${key}`)}
      items={[
        {
          key: 'units',
          label: t('admin.tab.units'),
          children: <UnitsTab units={units} />,
        },
        {
          key: 'users',
          label: t('admin.tab.users'),
          children: <UsersTab units={units} />,
        },
        { key: 'parties', label: t('party.tab'), children: <PartiesTab /> },
        { key: 'authority', label: t('admin.tab.authority'), children: <AuthorityTab /> },
        { key: 'categories', label: t('admin.tab.categories'), children: <CategoriesTab /> },
        { key: 'dispatch', label: t('admin.tab.dispatch'), children: <DispatchTab units={units} /> },
        { key: 'playbooks', label: t('admin.tab.playbooks'), children: <PlaybooksTab /> },
        { key: 'quality', label: t('admin.tab.quality'), children: <QualityChecklistsTab /> },
        { key: 'return-visits', label: t('admin.tab.returnVisits'), children: <ReturnVisitSettings /> },
        { key: 'volumes', label: t('admin.tab.volumes'), children: <VolumesTab units={units} /> },
        { key: 'assessment-rules', label: t('admin.tab.assessmentRules'), children: <AssessmentRulesTab /> },
        {
          key: 'classification',
          label: t('admin.tab.classification'),
          children: <ClassificationTab />,
        },
        { key: 'sla', label: t('admin.tab.sla'), children: <SlaTab /> },
        { key: 'calendar', label: t('admin.tab.calendar'), children: <CalendarTab /> },
        { key: 'warnings', label: t('warn.settings.tab'), children: <WarningSettingsTab /> },
        { key: 'templates', label: t('admin.tab.templates'), children: <TemplatesTab /> },
        { key: 'channels', label: t('admin.tab.channels'), children: <ChannelsTab /> },
        { key: 'mail', label: t('admin.tab.mail'), children: <MailIntakeTab /> },
        { key: 'tokens', label: t('admin.tab.tokens'), children: <ApiTokensTab users={users} /> },
        { key: 'webhooks', label: t('admin.tab.webhooks'), children: <WebhooksTab /> },
        { key: 'settings', label: t('admin.tab.settings'), children: <SettingsTab units={units} /> },
        { key: 'backup', label: t('admin.tab.backup'), children: <BackupTab /> },
        { key: 'jobs', label: t('admin.tab.jobs'), children: <JobsTab /> },
      ]}
      destroyOnHidden
      tabPlacement="start"
    />
  );
}
