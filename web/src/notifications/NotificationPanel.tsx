import { Alert, Button, Empty, Segmented, Spin, Tag } from 'antd';
import { Link } from 'react-router';
import type { AppNotification, NotificationKind } from '../api/notifications.js';
import { NOTIFICATION_KIND_LABELS } from '../i18n.js';
import { useI18n } from '../lang.js';
import { type NotificationList, useNotificationList } from './useNotificationList.js';
import { notificationText } from './wording.js';

const KIND_COLORS: Record<NotificationKind, string> = {
  state_changed: 'blue',
  deadline_warning: 'orange',
  overdue: 'red',
};

/**
 * The drawer's content: all or unread only, newest first, each marked read on its own or all
 * together, "load more" while the answer came back full. Mounted while the drawer is open.
 */
export function NotificationPanel({
  unreadCount,
  changed,
  onOpenCase,
}: {
  /** The bell's count: unread ones may be further down than the list has loaded. */
  unreadCount: number | null;
  changed(): void;
  onOpenCase(): void;
}) {
  const { t } = useI18n();
  const list = useNotificationList(changed);
  const anyUnread = (unreadCount ?? 0) > 0 || list.items.some((n) => n.readAt === null);
  return (
    <div data-testid="notifications" data-loading={list.loading}>
      <div className="notification-toolbar">
        <Segmented
          value={list.unreadOnly ? 'unread' : 'all'}
          onChange={(v) => list.setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: t.notificationsAll },
            {
              value: 'unread',
              label: <span data-testid="notifications-unread-only">{t.notificationsUnread}</span>,
            },
          ]}
        />
        <Button
          onClick={() => void list.markAllRead()}
          loading={list.markingAll}
          disabled={!anyUnread || list.markingAll}
          data-testid="notifications-mark-all"
        >
          {t.markAllRead}
        </Button>
      </div>
      {list.writeError && (
        <Alert
          type="error"
          showIcon
          closable
          title={t.markReadFailed}
          description={list.writeError.message}
          className="notification-alert"
          data-testid="notifications-write-error"
        />
      )}
      <ListBody list={list} onOpenCase={onOpenCase} />
    </div>
  );
}

function ListBody({ list, onOpenCase }: { list: NotificationList; onOpenCase(): void }) {
  const { t } = useI18n();
  if (list.error) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t.notificationsFailed}
        description={`${list.error.message} (${list.error.code})`}
        action={
          <Button size="small" onClick={list.reload}>
            {t.reload}
          </Button>
        }
        data-testid="notifications-error"
      />
    );
  }
  if (list.items.length === 0) {
    if (list.loading) return <Spin description={t.loading} className="page-spin" />;
    return (
      <Empty
        description={list.unreadOnly ? t.noUnreadNotifications : t.noNotifications}
        data-testid="notifications-empty"
      />
    );
  }
  return (
    <>
      <ul className="notification-list" data-testid="notification-list">
        {list.items.map((n) => (
          <Item
            key={n.id}
            n={n}
            busy={list.busy.has(n.id) || list.markingAll}
            onRead={() => void list.markRead(n.id)}
            onOpenCase={onOpenCase}
          />
        ))}
      </ul>
      {list.hasMore && (
        <Button block onClick={list.more} loading={list.loading} data-testid="notifications-more">
          {t.loadMore}
        </Button>
      )}
    </>
  );
}

function Item({
  n,
  busy,
  onRead,
  onOpenCase,
}: {
  n: AppNotification;
  busy: boolean;
  onRead(): void;
  onOpenCase(): void;
}) {
  const i18n = useI18n();
  const { t, dateTime, label } = i18n;
  const unread = n.readAt === null;
  const color = KIND_COLORS[n.kind as NotificationKind] ?? 'default';
  return (
    <li
      className={unread ? 'notification unread' : 'notification'}
      data-testid="notification"
      data-id={n.id}
      data-kind={n.kind}
      data-read={!unread}
    >
      <div className="notification-head">
        <Tag color={color} data-testid="notification-kind">
          {label(NOTIFICATION_KIND_LABELS, n.kind)}
        </Tag>
        {unread && <span className="notification-dot" role="img" aria-label={t.unread} />}
        <time className="muted" dateTime={n.createdAt} data-testid="notification-date">
          {dateTime(n.createdAt)}
        </time>
      </div>
      <div className="notification-message wrap-anywhere" data-testid="notification-message">
        {notificationText(n, i18n)}
      </div>
      <div className="notification-actions">
        {n.caseId && (
          <Link
            to={`/cases/${encodeURIComponent(n.caseId)}`}
            onClick={onOpenCase}
            data-testid="notification-case"
          >
            {t.openCase}
          </Link>
        )}
        {unread && (
          <Button
            size="small"
            type="link"
            onClick={onRead}
            loading={busy}
            data-testid="notification-mark-read"
          >
            {t.markRead}
          </Button>
        )}
      </div>
    </li>
  );
}
