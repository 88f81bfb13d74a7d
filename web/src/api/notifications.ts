import { getFresh, sendJson } from './client.js';

/** What a notification is about (src/cases/notify.ts, case-writes.ts, create-case.ts). */
export const NOTIFICATION_KINDS = ['state_changed', 'deadline_warning', 'overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One in-app notification as GET /api/notifications answers it. */
export interface AppNotification {
  id: number;
  caseId: string | null;
  /** One of `NOTIFICATION_KINDS`, or a kind newer than this app (shown by its code). */
  kind: string;
  /** Written by the server, in English with Chinese where it has it. */
  message: string;
  onDate: string;
  createdAt: string;
  readAt: string | null;
}

/** The most the API gives in one answer; it has no cursor, so a longer list is a larger `limit`. */
export const NOTIFICATIONS_MAX = 500;

/** The caller's notifications, newest first (always asked afresh: they change as people work). */
export async function fetchNotifications(opts: {
  unread: boolean;
  limit: number;
}): Promise<AppNotification[]> {
  const answer = await getFresh<{ items: AppNotification[] }>('/api/notifications', {
    unread: opts.unread ? 'true' : null,
    limit: Math.min(opts.limit, NOTIFICATIONS_MAX),
  });
  return answer.items;
}

/** Marks one notification read (a second time keeps the first time); sent with the CSRF token. */
export function markNotificationRead(id: number): Promise<{ id: number; readAt: string }> {
  return sendJson('POST', `/api/notifications/${id}/read`);
}
