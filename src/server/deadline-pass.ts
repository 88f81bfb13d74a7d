import { chinaToday, type MailTransport, type NotifyResult, notifyDeadlines } from '../cases/index.js';
import type { Store } from '../store/index.js';

export interface DeadlinePassOptions {
  /** Between the end of one pass and the start of the next. */
  everyMs: number;
  /** After start-up; default one minute (a server started and stopped at once runs none). */
  firstAfterMs?: number;
  /** E-mail for the notices (IPREGION_SMTP_URL); null: in the app only. */
  transport: MailTransport | null;
  onResult?: (result: NotifyResult & { asOf: string }) => void;
  onError?: (error: unknown) => void;
}

/**
 * The protection centers' deadline pass (`notifyDeadlines`: warnings before a deadline, overdue
 * notices, their e-mails) run by the server on its own, so that nobody has to remember a cron job.
 * Passes never overlap (the next is planned when one ends). Several server processes on one
 * database may each run it: a recipient gets one notification per case, kind and day, and each
 * e-mail is claimed before it is sent, so none is doubled. `stop` cancels the next pass and waits
 * for one under way.
 */
export function scheduleDeadlinePass(store: Store, o: DeadlinePassOptions): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const plan = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(() => {
        running = null;
        plan(o.everyMs);
      });
    }, ms);
    // Waiting for the next pass does not keep the process alive.
    timer.unref();
  };
  const pass = async () => {
    const asOf = chinaToday();
    try {
      o.onResult?.({ asOf, ...(await notifyDeadlines(store, asOf, o.transport)) });
    } catch (e) {
      o.onError?.(e);
    }
  };
  plan(o.firstAfterMs ?? 60_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
