import type { NotificationListener, Store } from '../store/index.js';

/** A remembered session is trusted this long at most, notifications or not. */
const MAX_AGE_MS = 60_000;
/** Sessions remembered at most; past it the oldest half is forgotten. */
const MAX_ENTRIES = 20_000;
const CHANNEL = 'ipregion_auth';

interface Entry<Row> {
  row: Row;
  userId: number;
  at: number;
}

/**
 * The sessions an API process has resolved, kept in memory on PostgreSQL so that a request costs
 * no lookup round trip. It is trusted only while the process listens to `ipregion_auth` (migration
 * 011): PostgreSQL announces every session revoked, shortened or deleted and every user changed,
 * from whichever process or tool did it, and the entry goes. While the listening connection is
 * down, nothing is remembered. A lookup that started before an announcement is not remembered
 * (the generation check), so a revocation cannot be overwritten by an answer read before it.
 * What is left: a request that arrives in another process between the revocation's commit and the
 * announcement reaching that process (milliseconds) is still let through.
 */
export class SessionCache<Row> {
  private readonly entries = new Map<string, Entry<Row>>();
  private generation = 0;
  private listening = false;
  private schema: string | null = null;
  private readonly listener: NotificationListener;

  constructor(listen: NonNullable<Store['listen']>) {
    this.listener = listen(CHANNEL, {
      message: (payload) => this.announced(payload),
      state: (up) => {
        this.forget();
        this.listening = up;
      },
    });
    void this.listener.schema.then((s) => {
      this.schema = s;
    });
  }

  /** The remembered row of a session id, if it may be trusted. */
  get(id: string, now = Date.now()): Row | undefined {
    if (!this.listening) return undefined;
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (now - e.at > MAX_AGE_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return e.row;
  }

  /** Call before reading a session from the database; pass the result to `put`. */
  mark(): number {
    return this.generation;
  }

  /** Remembers a row read since `mark`, unless something was announced in between. */
  put(id: string, row: Row, userId: number, mark: number, now = Date.now()): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      let drop = MAX_ENTRIES / 2;
      for (const k of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(k);
      }
    }
    this.entries.set(id, { row, userId, at: now });
  }

  /** Updates a remembered row in place (the session marked used), if it is still remembered. */
  update(id: string, row: Row): void {
    const e = this.entries.get(id);
    if (e) e.row = row;
  }

  /** Forgets everything: after this process changed sessions or users itself. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get trusted(): boolean {
    return this.listening;
  }

  stop(): Promise<void> {
    this.forget();
    this.listening = false;
    return this.listener.stop();
  }

  private announced(payload: string): void {
    const [schema, kind, id] = payload.split(':');
    if (schema !== this.schema || id === undefined) return;
    this.generation++;
    if (kind === 'session') this.entries.delete(id);
    else if (kind === 'user') {
      const userId = Number(id);
      for (const [k, e] of this.entries) if (e.userId === userId) this.entries.delete(k);
    } else this.entries.clear();
  }
}

const caches = new WeakMap<object, SessionCache<unknown>>();

/** The store's session cache: PostgreSQL only (on SQLite a lookup is a call within the process). */
export function sessionCacheOf<Row>(store: Store): SessionCache<Row> | null {
  if (!store.listen) return null;
  let cache = caches.get(store.db);
  if (!cache) {
    cache = new SessionCache<unknown>(store.listen.bind(store));
    caches.set(store.db, cache);
  }
  return cache as SessionCache<Row>;
}

/** After this process revoked sessions or changed users: nothing remembered is trusted any more. */
export function forgetSessions(store: Store): void {
  if (store.listen) caches.get(store.db)?.forget();
}
