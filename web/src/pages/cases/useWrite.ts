import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../lang.js';

export interface Write {
  busy: boolean;
  /** Set when the server refused a write for a stale version: someone else changed the case. */
  conflict: boolean;
  error: ApiError | null;
  /** Runs a write; on success says so and calls `done`. Resolves true when it went through. */
  run(write: () => Promise<unknown>, done?: () => void): Promise<boolean>;
  clear(): void;
}

/** A case page's writes: one at a time, a stale version turned into the conflict notice. */
export function useWrite(): Write {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (write: () => Promise<unknown>, done?: () => void) => {
      setBusy(true);
      setError(null);
      try {
        await write();
        void message.success(t.actionDone);
        done?.();
        return true;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown');
        if (err.status === 409 && err.code === 'conflict') setConflict(true);
        else setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [message, t.actionDone],
  );
  const clear = useCallback(() => {
    setConflict(false);
    setError(null);
  }, []);
  return { busy, conflict, error, run, clear };
}
