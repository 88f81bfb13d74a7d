import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, describePostgres, freshStore, TEST_PG_URL } from '../../test/engines.js';
import { openStore } from '../store/index.js';
import { appendAudit, entryHash, entryPrefix } from './audit.js';
import { act, auditOf, canonicalJson, verifyAudit } from './index.js';
import { casesDb } from './tables.js';
import { officer, registeredEnterprise, seedCase, seedCenter } from './test-factories.js';

it('hashes a canonical form: keys sorted at every level, no spaces', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: null }], c: 'é' } })).toBe(
    '{"a":{"c":"é","d":[1,{"x":null,"y":2}]},"b":1}',
  );
  expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
});

/** Snapshots that test the canonical form: quotes, backslashes, control characters, astral characters, nesting. */
const awkward = {
  before: { 'z"key': 'a\\b "c"\n\u0001', list: [3, { b: null, a: '\u2028 é 😀 中文' }], n: -0, f: 1.5e-7 },
  after: { nested: { deep: [true, false, null, 'x'] }, gone: undefined, big: 1e21 },
};

it('completes an entry prefix with prevHash and seq into what entryHash hashes', () => {
  const e = {
    at: '2026-03-03T01:02:03.004Z',
    actor: 'user:7 "quoted"',
    ip: null,
    entity: 'case',
    entityId: 'c-1',
    action: 'edit',
    ...JSON.parse(JSON.stringify(awkward)),
  };
  for (const [prevHash, seq] of [
    ['0'.repeat(64), 1],
    ['ab'.repeat(32), 123_456_789],
  ] as const) {
    const sqlSide = `${prevHash}${entryPrefix(e)}"prevHash":"${prevHash}","seq":${seq}}`;
    expect(createHash('sha256').update(sqlSide).digest('hex')).toBe(entryHash({ ...e, prevHash, seq }));
  }
});

describeEachEngine('the audit chain', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeEach(async () => {
    store = await freshStore(engine);
    // 1 center, 2 registration steps, 1 case, 3 actions: 7 entries.
    await seedCenter(store);
    const { creditCode } = await registeredEnterprise(store, '2026-03-02');
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    for (const action of ['accept', 'start_examination', 'pass']) {
      await act(store, c.id, action, officer, { onDate: '2026-03-04' });
    }
  });
  afterEach(() => store.drop());

  const raw = (q: ReturnType<typeof sql>) => q.execute(store.db);

  it('verifies an untouched chain', async () => {
    const v = await verifyAudit(store);
    expect(v).toMatchObject({ ok: true, entries: 7, head: { seq: 7 } });
    expect(v.firstBad).toBeUndefined();
  });

  it('names an entry whose snapshot was edited', async () => {
    await raw(sql`update audit_log set after = replace(after, 'passed', 'failed') where seq = 7`);
    expect(await verifyAudit(store)).toMatchObject({
      ok: false,
      entries: 7,
      firstBad: { seq: 7, reason: 'edited' },
    });
  });

  it('names an edit of who acted, or of a snapshot into something that is not JSON', async () => {
    await raw(sql`update audit_log set actor = 'user:99' where seq = 5`);
    expect((await verifyAudit(store)).firstBad).toEqual({ seq: 5, reason: 'edited' });
    await raw(sql`update audit_log set actor = 'user:7', after = '{not json' where seq = 5`);
    expect((await verifyAudit(store)).firstBad).toEqual({ seq: 5, reason: 'edited' });
  });

  it('names a deleted entry, in the middle or at the end', async () => {
    await raw(sql`delete from audit_log where seq = 4`);
    expect(await verifyAudit(store)).toMatchObject({
      ok: false,
      entries: 6,
      firstBad: { seq: 4, reason: 'deleted' },
    });
  });

  it('names a deleted last entry, which the head remembers', async () => {
    await raw(sql`delete from audit_log where seq = 7`);
    expect((await verifyAudit(store)).firstBad).toEqual({ seq: 7, reason: 'deleted' });
  });

  it('names a deletion hidden by renumbering the rest', async () => {
    await raw(sql`delete from audit_log where seq = 4`);
    for (const seq of [5, 6, 7]) await raw(sql`update audit_log set seq = ${seq - 1} where seq = ${seq}`);
    await raw(sql`update audit_head set seq = 6`);
    expect((await verifyAudit(store)).firstBad).toEqual({ seq: 4, reason: 'deleted' });
  });

  it('names entries swapped in the order', async () => {
    await raw(sql`update audit_log set seq = 100 where seq = 5`);
    await raw(sql`update audit_log set seq = 5 where seq = 6`);
    await raw(sql`update audit_log set seq = 6 where seq = 100`);
    expect((await verifyAudit(store)).firstBad).toEqual({ seq: 5, reason: 'reordered' });
  });

  it('names garbage appended behind the chain', async () => {
    await raw(sql`insert into audit_log (seq, at, actor, ip, entity, entity_id, action, before, after, prev_hash, hash)
      select 8, at, actor, ip, entity, entity_id, action, before, after, hash, hash from audit_log where seq = 7`);
    expect(await verifyAudit(store)).toMatchObject({
      ok: false,
      entries: 8,
      firstBad: { seq: 8, reason: 'appended' },
    });
  });

  it('appends one entry (on PostgreSQL in one statement) hashed as entryHash hashes it', async () => {
    const input = {
      actor: 'user:7 "中文"',
      ip: '10.0.0.7',
      entity: 'case',
      entityId: 'c-é',
      action: 'edit',
      ...awkward,
      at: '2026-03-05T00:00:00.000Z',
    };
    const [entry] = await casesDb(store)
      .transaction()
      .execute((trx) => appendAudit(trx, [input]));
    const { hash, ...rest } = entry!;
    expect(hash).toBe(entryHash(rest));
    expect(entry).toMatchObject({ seq: 8, after: { nested: { deep: [true, false, null, 'x'] }, big: 1e21 } });
    const stored = (await auditOf(store, 'case', 'c-é')).at(-1)!;
    expect(stored).toEqual(entry);
    expect(entryHash(stored)).toBe(stored.hash);
    const head = await casesDb(store).selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: 8, hash, prev_hash: entry!.prevHash });
    // And several at once (the other way), the head kept alike.
    const more = await casesDb(store)
      .transaction()
      .execute((trx) =>
        appendAudit(trx, [
          { actor: 'system', entity: 'test', entityId: 'y', action: 'one' },
          { actor: 'system', entity: 'test', entityId: 'y', action: 'two', before: awkward.before },
        ]),
      );
    expect(more.map((e) => e.seq)).toEqual([9, 10]);
    expect(await casesDb(store).selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toMatchObject(
      {
        seq: 10,
        hash: more[1]!.hash,
        prev_hash: more[0]!.hash,
      },
    );
    expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 10 });
  });

  it('keeps appending after a verification, from the tail', async () => {
    await casesDb(store)
      .transaction()
      .execute((trx) =>
        appendAudit(trx, [{ actor: 'system', entity: 'test', entityId: 'x', action: 'ping' }]),
      );
    expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 8 });
  });
});

describePostgres('the audit chain on PostgreSQL under concurrency', () => {
  it('stays one unbroken chain when 200 transactions append at once', async () => {
    const base = await freshStore('postgres');
    // A pool of its own with many connections, so that the appends really run side by side.
    const wide = await openStore(TEST_PG_URL, { schema: base.schema!, poolSize: 20, migrate: false });
    try {
      const n = 200;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          casesDb(wide)
            .transaction()
            .execute(async (trx) => {
              // Work before the append, as a real change does, so that transactions overlap.
              await sql`select pg_sleep(0.005)`.execute(trx);
              await appendAudit(trx, [
                { actor: `user:${i}`, entity: 'test', entityId: String(i), action: 'append', after: { i } },
                { actor: `user:${i}`, entity: 'test', entityId: String(i), action: 'again', after: { i } },
              ]);
            }),
        ),
      );
      const v = await verifyAudit(wide);
      expect(v).toMatchObject({ ok: true, entries: 2 * n, head: { seq: 2 * n } });
      const rows = await casesDb(wide)
        .selectFrom('audit_log')
        .select(['seq', 'entity_id'])
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 2 * n }, (_, i) => i + 1));
      // A transaction's entries stay together.
      for (let i = 0; i < rows.length; i += 2) expect(rows[i]!.entity_id).toBe(rows[i + 1]!.entity_id);
    } finally {
      await wide.close();
      await base.drop();
    }
  });

  it('stays one unbroken chain when 200 one-entry appends (one statement each) run at once', async () => {
    const base = await freshStore('postgres');
    const wide = await openStore(TEST_PG_URL, { schema: base.schema!, poolSize: 20, migrate: false });
    try {
      const n = 200;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          casesDb(wide)
            .transaction()
            .execute(async (trx) => {
              await sql`select pg_sleep(0.005)`.execute(trx);
              await appendAudit(trx, [
                { actor: `user:${i}`, entity: 'test', entityId: String(i), action: 'append', after: { i } },
              ]);
              // Work after the append too: the head stays locked until commit, the others wait.
              if (i % 3 === 0) await sql`select pg_sleep(0.002)`.execute(trx);
            }),
        ),
      );
      expect(await verifyAudit(wide)).toMatchObject({ ok: true, entries: n, head: { seq: n } });
    } finally {
      await wide.close();
      await base.drop();
    }
  });
});
