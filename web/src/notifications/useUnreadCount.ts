import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { fetchUnreadCount } from '../api/notifications.js';

export const POLL_MS = 60_000;

export interface UnreadCount {
  /** null until the first answer; after a failed ask the last known count stays. */
  count: number | null;
  /** Asks again now (after marking read); asks made while one is under way become one more ask. */
  refresh(): void;
}

/**
 * The signed-in user's unread notifications, counted when mounted, on each move to another page
 * and every `POLL_MS` while the tab is visible (once more on coming back after longer). At most one
 * request is under way at a time. Mount it only while signed in: unmounting stops the polling.
 */
export function useUnreadCount(): UnreadCount {
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const ask = useRef({ live: false, inFlight: false, again: false, last: 0 });

  const refresh = useCallback(() => {
    const s = ask.current;
    if (!s.live) return;
    if (s.inFlight) {
      s.again = true;
      return;
    }
    s.inFlight = true;
    s.last = Date.now();
    fetchUnreadCount()
      .then(
        (n) => {
          if (s.live) setCount(n);
        },
        // The bell keeps its last count; the list, when opened, shows the error in words. A 401
        // signs the user out (api/client.ts), which unmounts the bell and ends the polling.
        () => {},
      )
      .finally(() => {
        s.inFlight = false;
        if (s.again && s.live) {
          s.again = false;
          refresh();
        }
      });
  }, []);

  useEffect(() => {
    const s = ask.current;
    s.live = true;
    const tick = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - s.last >= POLL_MS) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      s.live = false;
      s.again = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  // On mounting and on each move to another page (not on every change of a page's query string,
  // which filters rewrite as people type).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` is the trigger
  useEffect(() => refresh(), [pathname, refresh]);

  return { count, refresh };
}
