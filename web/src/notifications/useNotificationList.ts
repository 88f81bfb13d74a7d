import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  type AppNotification,
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications.js';

export const PAGE = 20;

export interface NotificationList {
  unreadOnly: boolean;
  setUnreadOnly(unreadOnly: boolean): void;
  items: AppNotification[];
  loading: boolean;
  /** Loading the list failed. */
  error: ApiError | undefined;
  /** A "mark read" failed (the list itself is still shown). */
  writeError: ApiError | undefined;
  /** Ids being marked read. */
  busy: ReadonlySet<number>;
  markingAll: boolean;
  hasMore: boolean;
  more(): void;
  reload(): void;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));

/**
 * The drawer's list, loaded afresh when mounted (mount it when the drawer opens), all or unread
 * only, a page at a time (`more()` asks for the page after the last one shown), and marked read one
 * by one or all together. `changed` is called after every write, for the bell to count again.
 */
export function useNotificationList(changed: () => void): NotificationList {
  const [question, setQuestion] = useState<{ unreadOnly: boolean; cursor: string | null }>({
    unreadOnly: false,
    cursor: null,
  });
  const [answer, setAnswer] = useState<{ items: AppNotification[]; nextCursor: string | null } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [writeError, setWriteError] = useState<ApiError>();
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [markingAll, setMarkingAll] = useState(false);
  const [reloads, setReloads] = useState(0);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` is a trigger
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    fetchNotifications({ unread: question.unreadOnly, limit: PAGE, cursor: question.cursor }).then(
      (page) => {
        if (!current) return;
        // A next page adds to what is shown; the first page (or a reload) replaces it.
        setAnswer((a) => ({
          items: question.cursor && a ? [...a.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
        }));
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [question, reloads]);

  const setRead = useCallback((id: number, readAt: string) => {
    if (!live.current) return;
    setAnswer((a) => a && { ...a, items: a.items.map((n) => (n.id === id ? { ...n, readAt } : n)) });
  }, []);

  const markRead = useCallback(
    async (id: number) => {
      setWriteError(undefined);
      setBusy((s) => new Set(s).add(id));
      try {
        const { readAt } = await markNotificationRead(id);
        setRead(id, readAt);
      } catch (e) {
        if (live.current) setWriteError(asApiError(e));
      } finally {
        if (live.current)
          setBusy((s) => {
            const next = new Set(s);
            next.delete(id);
            return next;
          });
        changed();
      }
    },
    [changed, setRead],
  );

  const markAllRead = useCallback(async () => {
    setWriteError(undefined);
    setMarkingAll(true);
    try {
      // Every unread one, not only those shown, in one request; the list shown follows.
      await markAllNotificationsRead();
      const readAt = new Date().toISOString();
      if (live.current) {
        setAnswer((a) => a && { ...a, items: a.items.map((n) => (n.readAt ? n : { ...n, readAt })) });
      }
    } catch (e) {
      if (live.current) setWriteError(asApiError(e));
    } finally {
      if (live.current) setMarkingAll(false);
      changed();
    }
  }, [changed]);

  const items = answer?.items ?? [];
  return {
    unreadOnly: question.unreadOnly,
    // Another filter is another list: nothing of the old one stays on screen meanwhile.
    setUnreadOnly: (unreadOnly) => {
      if (unreadOnly === question.unreadOnly) return;
      setAnswer(null);
      setQuestion({ unreadOnly, cursor: null });
    },
    items,
    loading,
    error,
    writeError,
    busy,
    markingAll,
    hasMore: !error && answer !== null && answer.nextCursor !== null,
    more: () => {
      if (answer?.nextCursor) setQuestion((q) => ({ ...q, cursor: answer.nextCursor }));
    },
    // From the first page again.
    reload: () => {
      setQuestion((q) => (q.cursor === null ? q : { ...q, cursor: null }));
      setReloads((n) => n + 1);
    },
    markRead,
    markAllRead,
  };
}
