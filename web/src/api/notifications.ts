import { getFresh, sendJson } from './client.js';

/** What a notification is about (src/cases/notify.ts, case-writes.ts, create-case.ts). */
export const NOTIFICATION_KINDS = ['state_changed', 'deadline_warning', 'overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification says, as data (src/cases/case-writes.ts `NotificationData`). */
export type NotificationData =
  | { event: 'created'; number: string; type: string; organisation: string }
  | { event: 'action'; number: string; action: string; from: string; to: string }
  | { event: 'extension'; number: string; limit: string; days: number; reason: string }
  | {
      event: 'deadline';
      number: string;
      deadlines: { limit: string; due: string | null; left: number | null; unit: string; status: string }[];
    };

/** One in-app notification as GET /api/notifications answers it. */
export interface AppNotification {
  id: number;
  caseId: string | null;
  /** One of `NOTIFICATION_KINDS`, or a kind newer than this app (shown by its code). */
  kind: string;
  /** Written by the server, in English with Chinese where it has it: shown when there is no `data`. */
  message: string;
  /** The same as data, worded in the reader's language (notifications/wording.ts); null for older ones. */
  data: NotificationData | null;
  onDate: string;
  createdAt: string;
  readAt: string | null;
}

/** One page of the caller's notifications, newest first, and where the next page starts (null: none). */
export interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
}

/** The caller's notifications, newest first, a page at a time (always asked afresh: they change as people work). */
export function fetchNotifications(opts: {
  unread: boolean;
  limit: number;
  cursor?: string | null;
}): Promise<NotificationPage> {
  return getFresh<NotificationPage>('/api/notifications', {
    unread: opts.unread ? 'true' : null,
    limit: opts.limit,
    cursor: opts.cursor ?? null,
  });
}

/** How many of the caller's notifications are unread. */
export async function fetchUnreadCount(): Promise<number> {
  return (await getFresh<{ count: number }>('/api/notifications/unread-count')).count;
}

/** Marks one notification read (a second time keeps the first time); sent with the CSRF token. */
export function markNotificationRead(id: number): Promise<{ id: number; readAt: string }> {
  return sendJson('POST', `/api/notifications/${id}/read`);
}

/** Marks every unread notification of the caller's read, in one request. */
export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return sendJson('POST', '/api/notifications/read-all');
}
