import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * Users, sessions, login attempts and settings (owned by src/auth). Times are ISO 8601 UTC text
 * (`2024-06-30T08:00:00.000Z`): readable, and ordered as text on both engines. Sessions are keyed
 * by the SHA-256 of their token, so the database never holds a usable token. Login attempts are
 * kept in the database, not in a process, so every API process sees the same rate limits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('users')
    .addColumn('id', id.type, id.build)
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // Officer: the protection center they work for.
    .addColumn('center_id', 'text')
    // Enterprise user: the enterprise's name and unified social credit code (统一社会信用代码), and
    // the cases module's enterprise record once it has one.
    .addColumn('organisation', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('enterprise_id', 'text')
    // Institution user: the institution (data user) they belong to.
    .addColumn('institution', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', id.type, id.build)
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_login').on('login_attempts').columns(['login', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute();
  await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // Statistics are for signed-in users until an administrator opens them to the public.
  await sql`insert into settings (key, value) values ('public_statistics', 'false')`.execute(db);
}
