import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, describePostgres, freshStore, TEST_PG_URL } from '../../test/engines.js';
import { IpregionError } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { type CasePage, readCasePage } from './case-page.js';
import { auditOf, getCase, historyOf, verifyAudit } from './index.js';
import { actOnPage, editCaseOnPage, grantExtensionOnPage } from './service.js';
import { casesDb } from './tables.js';
import {
  failure,
  officer,
  otherOfficer,
  registeredEnterprise,
  seedCase,
  seedCenter,
  seedCenterAndEnterprise,
} from './test-factories.js';

/** What a case's changes left: its version, history rows, notifications and audit entries. */
async function trail(store: Store, caseId: string) {
  const db = casesDb(store);
  const notifications = await db
    .selectFrom('notifications')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return {
    version: (await getCase(store, caseId))!.version,
    history: (await historyOf(db, caseId)).length,
    notifications: notifications.length,
    audit: (await auditOf(store, 'case', caseId)).length,
  };
}

describeEachEngine('case changes: the guarded write', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let creditCode: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    creditCode = await seedCenterAndEnterprise(store);
  });
  afterEach(() => store.drop());

  it('a change on a page read before someone else saved writes nothing, and names the version now', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    const stale = (await readCasePage(store, c.id))!;
    await editCaseOnPage(store, stale, { otherParty: 'first' }, officer);
    const before = await trail(store, c.id);
    // The version the caller names is the one it read: the read passes, the guarded write does not.
    for (const change of [
      () => actOnPage(store, stale, 'accept', officer, { onDate: '2026-03-03', expectedVersion: 1 }),
      () => editCaseOnPage(store, stale, { otherParty: 'second' }, officer, { expectedVersion: 1 }),
      () => grantExtensionOnPage(store, stale, { days: 2, reason: 'x' }, officer),
    ]) {
      expect(await failure(change())).toEqual({
        code: 'conflict',
        status: 409,
        detail: { id: c.number, currentVersion: 2, expectedVersion: 1 },
      });
    }
    expect(await trail(store, c.id)).toEqual(before);
    expect(await getCase(store, c.id)).toMatchObject({ version: 2, otherParty: 'first', state: 'submitted' });
    // Named at once when the page read is already at another version than the caller's.
    const fresh = (await readCasePage(store, c.id))!;
    expect(
      await failure(editCaseOnPage(store, fresh, { otherParty: 'x' }, officer, { expectedVersion: 1 })),
    ).toEqual({
      code: 'conflict',
      status: 409,
      detail: { id: c.number, currentVersion: 2, expectedVersion: 1 },
    });
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });
});

describePostgres('case changes on PostgreSQL under concurrency', () => {
  it('saves one change per version, loses none, and keeps one audit chain', async () => {
    const base = await freshStore('postgres');
    // A pool of its own with many connections, so that the writes really run side by side.
    const wide = await openStore(TEST_PG_URL, { schema: base.schema!, poolSize: 20, migrate: false });
    try {
      await seedCenter(wide);
      const { creditCode } = await registeredEnterprise(wide, '2026-01-05');
      const cases = await Promise.all(
        Array.from({ length: 4 }, async () => (await seedCase(wide, creditCode, '2026-03-02')).case),
      );
      const saved = new Map(cases.map((c) => [c.id, { all: 0, actions: 0, notices: 0 }]));
      const count = (id: string, kind: 'edit' | 'act' | 'extend') => {
        const s = saved.get(id)!;
        s.all += 1;
        if (kind === 'act') s.actions += 1;
        if (kind !== 'edit') s.notices += 1;
      };

      // 20 writers on the same versions (5 a case): exactly one a case is saved, the rest conflict.
      const pages = await Promise.all(cases.map(async (c) => (await readCasePage(wide, c.id))!));
      const kinds = ['act', 'edit', 'extend', 'edit', 'act'] as const;
      const first = await Promise.all(
        pages.flatMap((page) =>
          kinds.map(async (kind, i) => {
            const who = i % 2 ? otherOfficer : officer;
            try {
              if (kind === 'act') await actOnPage(wide, page, 'accept', who, { onDate: '2026-03-03' });
              else if (kind === 'edit') await editCaseOnPage(wide, page, { otherParty: `party ${i}` }, who);
              else await grantExtensionOnPage(wide, page, { days: 1 + i, reason: `reason ${i}` }, who);
              count(page.row.id, kind);
              return 'saved';
            } catch (e) {
              if (e instanceof IpregionError && e.code === 'conflict') return 'conflict';
              throw e;
            }
          }),
        ),
      );
      expect(first.filter((r) => r === 'saved')).toHaveLength(cases.length);
      expect(first.filter((r) => r === 'conflict')).toHaveLength(cases.length * (kinds.length - 1));

      // 20 writers each saving three edits, reading again after a conflict, interleaved.
      await Promise.all(
        Array.from({ length: 20 }, async (_, w) => {
          const id = cases[w % cases.length]!.id;
          for (let done = 0; done < 3; ) {
            const page: CasePage = (await readCasePage(wide, id))!;
            const kind = (w + done) % 3 === 0 ? 'extend' : 'edit';
            try {
              if (kind === 'extend')
                await grantExtensionOnPage(wide, page, { days: 2, reason: `w${w}` }, officer);
              else await editCaseOnPage(wide, page, { summary: `writer ${w} edit ${done}` }, officer);
              count(id, kind);
              done += 1;
            } catch (e) {
              if (!(e instanceof IpregionError && e.code === 'conflict')) throw e;
            }
          }
        }),
      );

      for (const c of cases) {
        const s = saved.get(c.id)!;
        expect(await trail(wide, c.id)).toEqual({
          version: 1 + s.all,
          history: 1 + s.actions,
          notifications: 1 + s.notices,
          audit: 1 + s.all,
        });
      }
      const v = await verifyAudit(wide);
      expect(v.ok).toBe(true);
      const head = await casesDb(wide).selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      const last = await casesDb(wide)
        .selectFrom('audit_log')
        .select(['seq', 'prev_hash', 'hash'])
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(head).toMatchObject({ seq: last.seq, hash: last.hash, prev_hash: last.prev_hash });
    } finally {
      await wide.close();
      await base.drop();
    }
  });
});
