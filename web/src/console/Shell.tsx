import {
  AlertOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FireOutlined,
  FlagOutlined,
  FormOutlined,
  IdcardOutlined,
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
import type { MenuItemType } from 'antd/es/menu/interface';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { call } from '../api/call';
import { type Locale, useI18n } from '../i18n';
import { InboxButton } from './components/InboxButton';
import { CUSTOMER_READERS } from './pages/customers/levels';
import { useSession } from './session';

type NavItem = MenuItemType & { key: string };

/** The console frame: navigation on the left, the signed-in user, notices and language on top. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { user, signOut, has } = useSession();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  // The user's notices follow the language they use the console in.
  const switchLocale = (next: Locale) => {
    setLocale(next);
    call('PUT', '/auth/locale', { body: { locale: next } }).catch((error: unknown) => console.error(error));
  };
  const groups: Array<{ key: 'work' | 'manage' | 'analysis' | 'system'; items: NavItem[] }> = [
    {
      key: 'work',
      items: [
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
        ...(has('agent', 'handler', 'supervisor', 'manager', 'executive')
          ? [{ key: '/appeals', icon: <FlagOutlined />, label: t('nav.appeals') }]
          : []),
        ...(has('agent', 'supervisor', 'manager', 'executive', 'auditor', 'admin')
          ? [{ key: '/return-visits', icon: <PhoneOutlined />, label: t('nav.returnVisits') }]
          : []),
        { key: '/corrective-actions', icon: <ToolOutlined />, label: t('nav.correctiveActions') },
        ...(has(...CUSTOMER_READERS)
          ? [{ key: '/customers', icon: <IdcardOutlined />, label: t('nav.customers') }]
          : []),
      ],
    },
    {
      key: 'manage',
      items: [
        { key: '/assessment', icon: <TrophyOutlined />, label: t('nav.assessment') },
        ...(has('supervisor', 'manager', 'executive', 'auditor', 'admin')
          ? [{ key: '/assessment/units', icon: <ClusterOutlined />, label: t('nav.unitAssessment') }]
          : []),
        // Everyone: a handler reads their own checks there (我的质检); supervisors and above draw and score.
        { key: '/quality', icon: <FileDoneOutlined />, label: t('nav.quality') },
        { key: '/cases', icon: <BookOutlined />, label: t('nav.cases') },
      ],
    },
    {
      key: 'analysis',
      items: [
        { key: '/analysis', icon: <AreaChartOutlined />, label: t('nav.analysis') },
        { key: '/warnings', icon: <AlertOutlined />, label: t('nav.warnings') },
        { key: '/reports', icon: <FileTextOutlined />, label: t('nav.reports') },
        { key: '/topics', icon: <FireOutlined />, label: t('nav.topics') },
      ],
    },
    {
      key: 'system',
      items: [
        ...(has('admin')
          ? [{ key: '/disclosures', icon: <NotificationOutlined />, label: t('nav.disclosure') }]
          : []),
        ...(has('auditor', 'admin')
          ? [{ key: '/audit', icon: <SafetyCertificateOutlined />, label: t('nav.audit') }]
          : []),
        ...(has('admin') ? [{ key: '/admin', icon: <SettingOutlined />, label: t('nav.admin') }] : []),
      ],
    },
  ];
  const visible = groups.filter((g) => g.items.length > 0);
  const selected = visible
    .flatMap((g) => g.items.map((i) => i.key))
    .filter((k) => (k === '/' ? path === '/' : path.startsWith(k)))
    .sort((a, b) => a.length - b.length)
    .slice(-1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 18, color: '#c4302b' }}>
          {t('app.title')}
        </div>
        {/* A menu per group under its heading: every entry stays one click away. */}
        {visible.map((g) => (
          <nav key={g.key} aria-label={t(`nav.group.${g.key}`)}>
            <Typography.Text
              type="secondary"
              style={{ display: 'block', padding: '8px 24px 0', fontSize: 12 }}
            >
              {t(`nav.group.${g.key}`)}
            </Typography.Text>
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={g.items}
              onClick={(e) => navigate(e.key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        ))}
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
              onClick={() => switchLocale(locale === 'en' ? 'zh-CN' : 'en')}
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
