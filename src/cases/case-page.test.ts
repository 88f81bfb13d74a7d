import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { type CasePage, readCasePage } from './case-page.js';
import { getCase, historyOf, listEvidence, verifyAudit } from './index.js';
import { extensionsOf } from './repository.js';
import { actOnPage, editCaseOnPage, grantExtensionOnPage } from './service.js';
import { casesDb } from './tables.js';
import { applicant, officer, seedCase, seedCenterAndEnterprise } from './test-factories.js';

/** What the page holds, each list read on its own as before the one-statement read. */
async function readOneByOne(store: Awaited<ReturnType<typeof freshStore>>, id: string) {
  const db = casesDb(store);
  return {
    case: await getCase(store, id),
    history: await historyOf(db, id),
    extensions: await extensionsOf(db, id),
    evidence: await listEvidence(store, id),
  };
}

const shown = (p: CasePage) => ({
  case: p.case,
  history: p.history,
  extensions: p.extensions,
  evidence: p.evidence,
});

describeEachEngine('the case page in one read', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let creditCode: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    creditCode = await seedCenterAndEnterprise(store);
  });
  afterEach(() => store.drop());

  it('holds what the lists read one by one hold, in their order, numbers as numbers', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02', {
      otherParty: '某 "被申请人" 公司\\有限',
    });
    let page = (await readCasePage(store, c.id))!;
    page = await actOnPage(store, page, 'accept', officer, {
      onDate: '2026-03-03',
      note: '材料齐全 "quoted" \\ back\nnew line \u0001 😀',
    });
    page = await grantExtensionOnPage(store, page, { days: 3, reason: '专家意见 ☃' }, officer);
    page = await grantExtensionOnPage(
      store,
      page,
      { days: 12, reason: 'second', limit: 'handling' },
      officer,
    );
    // Evidence uploaded at the same moment: the order falls to the ids, as the database sorts them.
    const at = '2026-03-03T02:00:00.000Z';
    for (const [id, size] of [
      ['b-Id', 5],
      ['a-id', 2_000_000],
      ['A-id', 7],
      ['a_id', 1],
    ] as const) {
      await casesDb(store)
        .insertInto('evidence')
        .values({
          id,
          case_id: c.id,
          file_name: `说明书 ${id}.pdf`,
          media_type: 'application/pdf',
          size,
          sha256: 'f'.repeat(64),
          storage_path: `ff/${id}`,
          uploaded_by: 'user:21',
          uploaded_at: id === 'a_id' ? '2026-03-01T00:00:00.000Z' : at,
        })
        .execute();
    }
    const read = (await readCasePage(store, c.id))!;
    const oneByOne = await readOneByOne(store, c.id);
    expect(shown(read)).toEqual(oneByOne);
    expect(JSON.stringify(shown(read))).toBe(JSON.stringify(oneByOne));
    expect(read.history).toHaveLength(2);
    expect(read.extensions.map((x) => x.days)).toEqual([3, 12]);
    expect(read.evidence.map((e) => e.size)).toEqual(oneByOne.evidence.map((e) => e.size));
    expect(typeof read.evidence[0]!.size).toBe('number');
    expect(read.row.version).toBe(4);
    expect(await readCasePage(store, 'no-such-case')).toBeNull();

    // A case without history rows, extensions or evidence has empty lists, not nulls.
    const bare = (await seedCase(store, creditCode, '2026-03-02')).case;
    await casesDb(store).deleteFrom('notifications').where('case_id', '=', bare.id).execute();
    await casesDb(store).deleteFrom('case_history').where('case_id', '=', bare.id).execute();
    expect(shown((await readCasePage(store, bare.id))!)).toEqual({
      case: bare,
      history: [],
      extensions: [],
      evidence: [],
    });
  });

  it('after a change, is the page a fresh read gives', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    let page = (await readCasePage(store, c.id))!;
    const steps: ((p: CasePage) => Promise<CasePage>)[] = [
      (p) => actOnPage(store, p, 'accept', officer, { onDate: '2026-03-03', expectedVersion: 1 }),
      (p) => editCaseOnPage(store, p, { otherParty: ' 某光电有限公司 ', summary: '新的摘要' }, officer),
      (p) => grantExtensionOnPage(store, p, { days: 4, reason: 'needs an expert' }, officer),
      (p) => actOnPage(store, p, 'start_examination', officer, { onDate: '2026-03-04' }),
      // Concluding: handled on, handling days and on time come from the page's history and extensions.
      (p) => actOnPage(store, p, 'pass', officer, { onDate: '2026-03-05', note: 'ok' }),
      (p) => actOnPage(store, p, 'record_filing', applicant, { onDate: '2026-03-06' }),
    ];
    for (const step of steps) {
      page = await step(page);
      expect(page).toEqual(await readCasePage(store, c.id));
    }
    expect(page.case).toMatchObject({ state: 'filed_with_cnipa', version: 7, onTime: true });
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });
});
