import { Button, ConfigProvider, Layout, Menu, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useI18n } from './lang.js';
import { Dashboard } from './pages/Dashboard.js';

// The dashboard is the first page people see and ships in the main bundle; the others load on demand.
const SearchPage = lazy(() => import('./pages/SearchPage.js'));
const RightPage = lazy(() => import('./pages/RightPage.js'));
const ReportPage = lazy(() => import('./pages/ReportPage.js'));

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
  return 'dashboard';
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const menu = [
    { key: 'dashboard', label: <Link to="/">{t.navDashboard}</Link> },
    { key: 'search', label: <Link to="/search">{t.navSearch}</Link> },
    { key: 'report', label: <Link to="/report">{t.navReport}</Link> },
  ];
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
            items={menu}
          />
          <Button
            className="lang-switch"
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t.switchTo}
          </Button>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin description={t.loading} className="page-spin" />}>
            <Routes>
              <Route path="/" element={<Dashboard />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/rights/:id" element={<RightPage />} />
              <Route path="/report" element={<ReportPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
