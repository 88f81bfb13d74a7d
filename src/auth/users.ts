import { creditCodeProblem, errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { isRole, type Principal, ROLES, type Role } from './permissions.js';
import { forgetSessions } from './session-cache.js';
import { authDb, type UsersTable } from './tables.js';

/** A user as the rest of ipregion sees it (never with the password hash). */
export interface User extends Principal {
  id: number;
  login: string;
  displayName: string;
  organisation: string | null;
  institution: string | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

export interface NewUser {
  login: string;
  role: string;
  password: string;
  displayName?: string | null;
  /** Officer: the center they work for. */
  centerId?: string | null;
  /** Enterprise user: the enterprise's name and unified social credit code. */
  organisation?: string | null;
  creditCode?: string | null;
  enterpriseId?: string | null;
  /** Institution user: the institution they belong to. */
  institution?: string | null;
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Logins compare without regard to case or surrounding spaces. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

type UserRow = Omit<UsersTable, 'id' | 'disabled' | 'failed_logins'> & {
  id: number;
  disabled: number;
  failed_logins: number;
};

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: isRole(row.role) ? row.role : 'analyst',
    centerId: row.center_id,
    organisation: row.organisation,
    creditCode: row.credit_code,
    enterpriseId: row.enterprise_id,
    institution: row.institution,
    disabled: row.disabled !== 0,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
  };
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

type Tie = 'required' | 'optional' | 'absent';

/** One problem with a new user: the field it concerns and what is wrong. */
export interface UserIssue {
  field: 'login' | 'role' | 'password' | 'displayName' | Tied;
  message: string;
}

type Tied = 'centerId' | 'organisation' | 'creditCode' | 'enterpriseId' | 'institution';

/** Every problem with a new user, all at once. */
export function newUserIssues(u: NewUser): UserIssue[] {
  const issues: UserIssue[] = [];
  const login = normaliseLogin(u.login);
  if (!LOGIN.test(login)) {
    issues.push({
      field: 'login',
      message: '2–63 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    });
  }
  if (!isRole(u.role)) {
    issues.push({ field: 'role', message: `"${u.role}" is not one of ${ROLES.join(', ')}` });
  }
  for (const message of passwordProblems(u.password, login)) issues.push({ field: 'password', message });
  if (u.displayName && u.displayName.length > 200) {
    issues.push({ field: 'displayName', message: 'at most 200 characters' });
  }
  const role = u.role as Role;
  // Each role carries exactly the ties that scope it, so a permission check never meets a half-made user.
  const enterprise = role === 'enterprise';
  const ties: Record<Tied, Tie> = {
    centerId: role === 'officer' ? 'required' : 'absent',
    organisation: enterprise ? 'required' : 'absent',
    creditCode: enterprise ? 'required' : 'absent',
    enterpriseId: enterprise ? 'optional' : 'absent',
    institution: role === 'institution' ? 'required' : 'absent',
  };
  for (const [field, tie] of Object.entries(ties) as Array<[Tied, Tie]>) {
    const value = u[field];
    if (tie === 'required' && blank(value)) issues.push({ field, message: `required for the ${role} role` });
    if (tie === 'absent' && !blank(value))
      issues.push({ field, message: `does not apply to the ${role} role` });
    if (typeof value === 'string' && value.length > 200)
      issues.push({ field, message: 'at most 200 characters' });
  }
  if (enterprise && !blank(u.creditCode)) {
    const p = creditCodeProblem(u.creditCode!.trim().toUpperCase());
    if (p) issues.push({ field: 'creditCode', message: p });
  }
  return issues;
}

/** SQLite and PostgreSQL say "unique constraint violated" each in its own words. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Creates a user with an argon2id hash of the password; refuses a taken login (409). */
export async function createUser(store: Store, input: NewUser, now = new Date()): Promise<User> {
  const issues = newUserIssues(input);
  if (issues.length > 0) {
    const reasons = issues.map((i) => `${i.field}: ${i.message}`);
    throw errors.invalidInput(reasons.join('; '), { reasons });
  }
  const login = normaliseLogin(input.login);
  const db = authDb(store);
  const taken = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
  if (taken) throw errors.conflict(`the login ${login} is taken`, { login });
  const at = now.toISOString();
  const trimmed = (s: string | null | undefined) => (blank(s) ? null : s!.trim());
  try {
    const row = await db
      .insertInto('users')
      .values({
        login,
        display_name: trimmed(input.displayName) ?? login,
        password_hash: await hashPassword(input.password),
        role: input.role,
        center_id: trimmed(input.centerId),
        organisation: trimmed(input.organisation),
        credit_code: trimmed(input.creditCode)?.toUpperCase() ?? null,
        enterprise_id: trimmed(input.enterpriseId),
        institution: trimmed(input.institution),
        password_changed_at: at,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.conflict(`the login ${login} is taken`, { login });
    throw e;
  }
}

export async function getUser(store: Store, id: number): Promise<User | null> {
  const row = await authDb(store).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserByLogin(store: Store, login: string): Promise<User | null> {
  const row = await authDb(store)
    .selectFrom('users')
    .selectAll()
    .where('login', '=', normaliseLogin(login))
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

async function mustGet(store: Store, id: number): Promise<User> {
  const user = await getUser(store, id);
  if (!user) throw errors.notFound('user', String(id));
  return user;
}

/** Users by id, a page at a time: `after` is the last id of the previous page. */
export async function listUsers(store: Store, page: { after?: number; limit?: number } = {}) {
  const limit = page.limit ?? 1000;
  const rows = await authDb(store)
    .selectFrom('users')
    .selectAll()
    .where('id', '>', page.after ?? 0)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toUser);
  return { items, nextAfter: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** The officers of a center who can sign in, by name: whom a case of the center may be given to. */
export async function centerOfficers(store: Store, centerId: string): Promise<User[]> {
  const rows = await authDb(store)
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'officer')
    .where('center_id', '=', centerId)
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

export async function countUsers(store: Store): Promise<number> {
  const row = await authDb(store)
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Disables a user and ends every session they have. The last administrator who can still sign in
 * is not disabled: nobody could then manage users.
 */
export async function disableUser(store: Store, id: number, now = new Date()): Promise<User> {
  const user = await mustGet(store, id);
  const db = authDb(store);
  if (user.role === 'admin' && !user.disabled) {
    const others = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (!others) throw errors.conflict(`${user.login} is the last administrator who can sign in`, { id });
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    await trx
      .updateTable('sessions')
      .set({ revoked_at: now.toISOString() })
      .where('user_id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  });
  forgetSessions(store);
  return mustGet(store, id);
}

/**
 * Sets a new password (checked against the rules), ends the user's sessions and lifts a lockout:
 * what an administrator does for a user who forgot theirs or was locked out.
 */
export async function resetPassword(
  store: Store,
  id: number,
  password: string,
  now = new Date(),
): Promise<User> {
  const user = await mustGet(store, id);
  const problems = passwordProblems(password, user.login);
  if (problems.length > 0) throw errors.invalidPassword(problems);
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  await authDb(store)
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: at, failed_logins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('sessions')
        .set({ revoked_at: at })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      // The lockout is counted from failed attempts: forgetting them lifts it.
      await trx.deleteFrom('login_attempts').where('login', '=', user.login).where('ok', '=', 0).execute();
    });
  forgetSessions(store);
  return mustGet(store, id);
}
