import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lang.js';
import { NotificationPanel } from './NotificationPanel.js';
import { useUnreadCount } from './useUnreadCount.js';

const DRAWER_WIDTH = 440;
/** The most the badge shows; more is "99+" (the exact number is in the label). */
const BADGE_MAX = 99;

/**
 * The header's bell: the number of unread notifications on a badge, and a drawer with the list.
 * Render it for signed-in users only (keyed by the user, so another user starts afresh).
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { count, refresh } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const shown = count ?? 0;
  const width = typeof window === 'undefined' ? DRAWER_WIDTH : Math.min(DRAWER_WIDTH, window.innerWidth);
  return (
    <>
      <Badge count={shown} overflowCount={BADGE_MAX} size="small" className="bell">
        <Button
          icon={<BellOutlined />}
          aria-label={`${t.notificationsBell} ${shown}`}
          title={t.notifications}
          data-testid="notifications-bell"
          data-count={count ?? ''}
          onClick={() => {
            setOpen(true);
            refresh();
          }}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={width}
        title={t.notifications}
        destroyOnHidden
        data-testid="notifications-drawer"
      >
        <NotificationPanel unreadCount={count} changed={refresh} onOpenCase={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
