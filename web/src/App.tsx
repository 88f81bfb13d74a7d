import { Button, ConfigProvider, Dropdown, Layout, Menu, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { type Auth, useAuth } from './auth.js';
import { ROLE_LABELS } from './i18n.js';
import { type I18n, useI18n } from './lang.js';
import { Dashboard } from './pages/Dashboard.js';

// The dashboard is the first page people see and ships in the main bundle; the others load on demand.
const SearchPage = lazy(() => import('./pages/SearchPage.js'));
const RightPage = lazy(() => import('./pages/RightPage.js'));
const ReportPage = lazy(() => import('./pages/ReportPage.js'));
const LoginPage = lazy(() => import('./pages/LoginPage.js'));
const CasesPage = lazy(() => import('./pages/cases/CasesPage.js'));
const CasePage = lazy(() => import('./pages/cases/CasePage.js'));
const NewCasePage = lazy(() => import('./pages/cases/NewCasePage.js'));
const RegistrationPage = lazy(() => import('./pages/registration/RegistrationPage.js'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.js'));
// Signed-in users only: not part of a visitor's first load.
const NotificationBell = lazy(() =>
  import('./notifications/NotificationBell.js').then((m) => ({ default: m.NotificationBell })),
);
const CaseReportsPage = lazy(() => import('./pages/CaseReportsPage.js'));
const StatusPage = lazy(() => import('./pages/StatusPage.js'));

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

function section(path: string): string {
  if (path.startsWith('/search') || path.startsWith('/rights')) return 'search';
  if (path.startsWith('/report')) return 'report';
  if (path.startsWith('/cases/new')) return 'new-case';
  if (path.startsWith('/cases')) return 'cases';
  if (path.startsWith('/registration')) return 'registration';
  if (path.startsWith('/case-reports')) return 'case-reports';
  if (path.startsWith('/admin')) return 'admin';
  if (path.startsWith('/status')) return 'status';
  if (path.startsWith('/login')) return 'login';
  return 'dashboard';
}

/** The menu for who is signed in: statistics for all, case work by role. */
function menuItems(t: I18n['t'], auth: Auth) {
  const item = (key: string, to: string, label: string) => ({
    key,
    label: (
      <Link to={to} data-testid={`nav-${key}`}>
        {label}
      </Link>
    ),
  });
  const items = [
    item('dashboard', '/', t.navDashboard),
    item('search', '/search', t.navSearch),
    item('report', '/report', t.navReport),
  ];
  const enterprise = auth.is('enterprise');
  if (auth.can('cases:read')) items.push(item('cases', '/cases', enterprise ? t.navMyCases : t.navCases));
  if (enterprise) {
    items.push(item('new-case', '/cases/new', t.navNewCase));
    items.push(item('registration', '/registration', t.navRegistration));
  }
  if (auth.is('officer', 'admin')) items.push(item('registration', '/registration', t.navRegistrations));
  if (auth.can('cases:report')) items.push(item('case-reports', '/case-reports', t.navCaseReports));
  if (auth.can('users:manage')) items.push(item('admin', '/admin', t.navAdmin));
  items.push(item('status', '/status', t.navStatus));
  return items;
}

function UserMenu() {
  const auth = useAuth();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  if (auth.status === 'loading') return null;
  if (!auth.user) {
    if (location.pathname === '/login') return null;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <Link to={`/login?next=${next}`} className="user-menu" data-testid="sign-in">
        <Button>{t.signIn}</Button>
      </Link>
    );
  }
  const signOut = async (everywhere: boolean) => {
    await auth.logOut(everywhere);
    navigate('/');
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'role', label: label(ROLE_LABELS, auth.user.role), disabled: true },
          { type: 'divider' },
          { key: 'out', label: <span data-testid="sign-out">{t.signOut}</span> },
          { key: 'all', label: t.signOutAll },
        ],
        onClick: ({ key }) => {
          if (key === 'out' || key === 'all') void signOut(key === 'all');
        },
      }}
    >
      <Button className="user-menu" data-testid="user-menu">
        {auth.user.displayName || auth.user.login}
      </Button>
    </Dropdown>
  );
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const auth = useAuth();
  const location = useLocation();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1d5fa8' } }}
      button={{ autoInsertSpace: false }}
    >
      <Layout className="app">
        <Layout.Header className="app-header">
          <Link to="/" className="brand">
            {t.appName}
          </Link>
          <Menu
            className="app-menu"
            theme="dark"
            mode="horizontal"
            selectedKeys={[section(location.pathname)]}
            items={menuItems(t, auth)}
          />
          <Button
            className="lang-switch"
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t.switchTo}
          </Button>
          {auth.user && (
            <Suspense fallback={null}>
              <NotificationBell key={auth.user.id} />
            </Suspense>
          )}
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin description={t.loading} className="page-spin" />}>
            <Routes>
              <Route path="/" element={<Dashboard />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/rights/:id" element={<RightPage />} />
              <Route path="/report" element={<ReportPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/cases" element={<CasesPage />} />
              <Route path="/cases/new" element={<NewCasePage />} />
              <Route path="/cases/:id" element={<CasePage />} />
              <Route path="/registration" element={<RegistrationPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="/case-reports" element={<CaseReportsPage />} />
              <Route path="/status" element={<StatusPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
