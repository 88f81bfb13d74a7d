import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  type AppNotification,
  fetchNotifications,
  markNotificationRead,
  NOTIFICATIONS_MAX,
} from '../api/notifications.js';

export const PAGE = 20;
/** How many "mark read" requests go out at once when marking everything read. */
const AT_ONCE = 4;

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
  /** The API's most came back: there may be more than can be shown. */
  capped: boolean;
  more(): void;
  reload(): void;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));

/** Marks the ids read, a few requests at a time; stops at the first failure. */
async function markEach(ids: readonly number[], onDone: (id: number, readAt: string) => void) {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const { readAt } = await markNotificationRead(id);
      onDone(id, readAt);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
}

/**
 * The drawer's list, loaded afresh when mounted (mount it when the drawer opens), all or unread
 * only, longer on `more()` — the API has no cursor, so a longer list is the same question with a
 * larger limit — and marked read one by one or all together. `changed` is called after every
 * write, for the bell to count again.
 */
export function useNotificationList(changed: () => void): NotificationList {
  const [question, setQuestion] = useState({ unreadOnly: false, limit: PAGE });
  const [answer, setAnswer] = useState<{ items: AppNotification[]; limit: number } | null>(null);
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
    fetchNotifications({ unread: question.unreadOnly, limit: question.limit }).then(
      (items) => {
        if (!current) return;
        setAnswer({ items, limit: question.limit });
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
      // Every unread one, not only those shown; another round while an answer came back full.
      for (let round = 0; round < 10; round++) {
        const unread = await fetchNotifications({ unread: true, limit: NOTIFICATIONS_MAX });
        await markEach(
          unread.map((n) => n.id),
          setRead,
        );
        if (unread.length < NOTIFICATIONS_MAX) break;
      }
    } catch (e) {
      if (live.current) setWriteError(asApiError(e));
    } finally {
      if (live.current) setMarkingAll(false);
      changed();
    }
  }, [changed, setRead]);

  const items = answer?.items ?? [];
  const full = !error && answer !== null && items.length >= answer.limit;
  return {
    unreadOnly: question.unreadOnly,
    // Another filter is another list: nothing of the old one stays on screen meanwhile.
    setUnreadOnly: (unreadOnly) => {
      if (unreadOnly === question.unreadOnly) return;
      setAnswer(null);
      setQuestion({ unreadOnly, limit: PAGE });
    },
    items,
    loading,
    error,
    writeError,
    busy,
    markingAll,
    hasMore: full && answer.limit < NOTIFICATIONS_MAX,
    capped: full && answer.limit >= NOTIFICATIONS_MAX,
    more: () => setQuestion((q) => ({ ...q, limit: Math.min(q.limit + PAGE, NOTIFICATIONS_MAX) })),
    reload: () => setReloads((n) => n + 1),
    markRead,
    markAllRead,
  };
}
