import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type Engine, openStore, type Store } from '../src/store/index.js';

/**
 * The same store tests run on SQLite and on PostgreSQL (STYLE.md §6). PostgreSQL is found at
 * IPREGION_TEST_PG (default postgres://postgres@127.0.0.1:5432/test). Where it is not running the
 * PostgreSQL tests say they were skipped and why — except in CI (CI=true) or with
 * IPREGION_REQUIRE_PG=1, where a missing PostgreSQL fails the run.
 */
export const TEST_PG_URL = process.env.IPREGION_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgRequired = process.env.CI === 'true' || process.env.IPREGION_REQUIRE_PG === '1';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    // Migration 004 puts pg_trgm in `public` when it may; made here once, so that test files
    // migrating their schemas in parallel do not race to create it.
    await client.query('create extension if not exists pg_trgm schema public').catch(() => {});
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await probePostgres();
if (pgProblem && pgRequired) {
  throw new Error(`PostgreSQL is required here (CI) but not reachable at ${TEST_PG_URL}: ${pgProblem}`);
}

/** A fresh, migrated store on the engine, in a temp file or a schema of its own; `drop()` removes it. */
export async function freshStore(
  engine: Engine,
): Promise<Store & { schema: string | null; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ipregion-test-'));
    const store = await openStore(join(dir, 'test.db'));
    return {
      ...store,
      schema: null,
      drop: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await openStore(TEST_PG_URL, { schema });
  return {
    ...store,
    schema,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** `describe` once per engine; the PostgreSQL block is skipped, with its reason, where it is unavailable. */
export function describeEachEngine(name: string, body: (engine: Engine) => void): void {
  describe(`${name} [sqlite]`, () => body('sqlite'));
  if (pgProblem) {
    describe.skip(`${name} [postgres] — skipped: PostgreSQL not reachable at ${TEST_PG_URL} (${pgProblem})`, () =>
      body('postgres'));
  } else {
    describe(`${name} [postgres]`, () => body('postgres'));
  }
}

/** `describe` for PostgreSQL only (what needs a shared server database); skipped with its reason elsewhere. */
export function describePostgres(name: string, body: () => void): void {
  if (pgProblem) {
    describe.skip(`${name} — skipped: PostgreSQL not reachable at ${TEST_PG_URL} (${pgProblem})`, body);
  } else {
    describe(name, body);
  }
}
