import type { Generated, Kysely } from 'kysely';
import type { Database, Store } from '../store/index.js';

/** Row types of the auth tables (migration 005-auth); only this module reads or writes them. */
export interface UsersTable {
  id: Generated<number>;
  /** Lower case: logins compare without regard to case. */
  login: string;
  display_name: string;
  /** argon2id, PHC string format. */
  password_hash: string;
  role: string;
  center_id: string | null;
  organisation: string | null;
  credit_code: string | null;
  enterprise_id: string | null;
  institution: string | null;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token in the cookie. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  login: string;
  ip: string;
  at: string;
  ok: number;
}

// A type alias, not an interface: Kysely's `withTables` wants a record type.
export type AuthTables = {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  settings: { key: string; value: string };
};

export type AuthDb = Kysely<Database & AuthTables>;

/** The store's database seen with the auth tables too. */
export function authDb(store: Pick<Store, 'db'>): AuthDb {
  return store.db.withTables<AuthTables>();
}
