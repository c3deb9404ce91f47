import {
  AlertOutlined,
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FormOutlined,
  InboxOutlined,
  LogoutOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  ToolOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';
import { InboxButton } from './components/InboxButton';
import { useSession } from './session';

/** The console frame: navigation on the left, the signed-in user, notices and language on top. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { user, signOut, has } = useSession();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    { key: '/workbench', icon: <InboxOutlined />, label: t('nav.workbench') },
    // A role that cannot register sees the entry greyed, with the reason.
    has('agent', 'supervisor', 'manager')
      ? { key: '/register', icon: <FormOutlined />, label: t('nav.register') }
      : {
          key: '/register',
          icon: <FormOutlined />,
          disabled: true,
          label: (
            <Tooltip title={t('nav.registerNotAllowed')} placement="right">
              <span data-testid="register-disabled" aria-description={t('nav.registerNotAllowed')}>
                {t('nav.register')}
              </span>
            </Tooltip>
          ),
        },
    // Handlers too: the page lists the remedies they carry out.
    ...(has('agent', 'handler', 'supervisor', 'manager', 'executive')
      ? [{ key: '/approvals', icon: <AuditOutlined />, label: t('nav.approvals') }]
      : []),
    { key: '/cases', icon: <BookOutlined />, label: t('nav.cases') },
    ...(has('admin')
      ? [{ key: '/disclosures', icon: <NotificationOutlined />, label: t('nav.disclosure') }]
      : []),
    { key: '/assessment', icon: <TrophyOutlined />, label: t('nav.assessment') },
    ...(has('supervisor', 'manager', 'executive', 'auditor', 'admin')
      ? [{ key: '/assessment/units', icon: <ClusterOutlined />, label: t('nav.unitAssessment') }]
      : []),
    ...(has('agent', 'handler', 'supervisor', 'manager', 'executive')
      ? [{ key: '/appeals', icon: <FlagOutlined />, label: t('nav.appeals') }]
      : []),
    // Everyone: a handler reads their own checks there (我的质检); supervisors and above draw and score.
    { key: '/quality', icon: <FileDoneOutlined />, label: t('nav.quality') },
    ...(has('agent', 'supervisor', 'manager', 'executive', 'auditor', 'admin')
      ? [{ key: '/return-visits', icon: <PhoneOutlined />, label: t('nav.returnVisits') }]
      : []),
    { key: '/corrective-actions', icon: <ToolOutlined />, label: t('nav.correctiveActions') },
    { key: '/warnings', icon: <AlertOutlined />, label: t('nav.warnings') },
    ...(has('auditor', 'admin')
      ? [{ key: '/audit', icon: <SafetyCertificateOutlined />, label: t('nav.audit') }]
      : []),
    ...(has('admin') ? [{ key: '/admin', icon: <SettingOutlined />, label: t('nav.admin') }] : []),
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? path === '/' : path.startsWith(k)))
    .slice(-1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 18, color: '#c4302b' }}>
          {t('app.title')}
        </div>
        <Menu mode="inline" selectedKeys={selected} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            gap: 16,
          }}
        >
          <Space size="middle">
            <InboxButton icon={<BellOutlined />} />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: '/security', icon: <SafetyOutlined />, label: t('nav.security') }],
                onClick: (e) => navigate(e.key),
              }}
            >
              <Typography.Link data-testid="current-user">{user?.displayName}</Typography.Link>
            </Dropdown>
            <Button
              type="link"
              onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
              data-testid="language"
            >
              {t('nav.language')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => signOut().then(() => navigate('/login'))}>
              {t('nav.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
