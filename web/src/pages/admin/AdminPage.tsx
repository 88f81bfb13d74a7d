import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { Guard } from '../../components/Guard.js';
import { useI18n } from '../../lang.js';
import { CalendarAdmin } from './CalendarAdmin.js';
import { CentersAdmin } from './CentersAdmin.js';
import { SettingsAdmin } from './SettingsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';

const TABS = ['centers', 'users', 'calendar', 'settings'] as const;

/** Administrators: centers, users, the calendar's overrides, public statistics and the audit check. */
export default function AdminPage() {
  return (
    <Guard permissions={['users:manage', 'centers:manage', 'calendar:manage', 'settings:manage']}>
      <Admin />
    </Guard>
  );
}

function Admin() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'centers';
  return (
    <div data-testid="admin-page">
      <Typography.Title level={3}>{t.adminTitle}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'centers',
            label: <span data-testid="tab-centers">{t.centers}</span>,
            children: <CentersAdmin />,
          },
          { key: 'users', label: <span data-testid="tab-users">{t.users}</span>, children: <UsersAdmin /> },
          {
            key: 'calendar',
            label: <span data-testid="tab-calendar">{t.calendar}</span>,
            children: <CalendarAdmin />,
          },
          {
            key: 'settings',
            label: <span data-testid="tab-settings">{t.settings}</span>,
            children: <SettingsAdmin />,
          },
        ]}
      />
    </div>
  );
}
