import { type Kysely, sql } from 'kysely';
import { isSqlite } from './helpers.js';

/**
 * PostgreSQL only: a session that is revoked, shortened, otherwise changed or deleted, and a user who is changed or
 * deleted, are announced on the `ipregion_auth` channel (payload `schema:session:ID` or
 * `schema:user:ID`), so that every API process can keep the sessions it resolved in memory and drop
 * one the moment it ends (src/auth/session-cache.ts). Marking a session used (`last_seen_at`) is not
 * announced. SQLite needs none of it: a lookup there is a call into the same process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`create function ipregion_session_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('ipregion_auth', tg_table_schema || ':session:' || old.id);
      return null;
    end $$`.execute(db);
  await sql`create function ipregion_user_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('ipregion_auth', tg_table_schema || ':user:' || old.id);
      return null;
    end $$`.execute(db);
  await sql`create trigger sessions_ended after update on sessions for each row
    when ((old.id, old.user_id, old.expires_at, old.revoked_at, old.csrf_token)
      is distinct from (new.id, new.user_id, new.expires_at, new.revoked_at, new.csrf_token))
    execute function ipregion_session_changed()`.execute(db);
  await sql`create trigger sessions_deleted after delete on sessions for each row
    execute function ipregion_session_changed()`.execute(db);
  await sql`create trigger users_changed after update or delete on users for each row
    execute function ipregion_user_changed()`.execute(db);
}
