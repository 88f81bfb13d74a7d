import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { act, publicStatus } from './index.js';
import { officer, registeredEnterprise, seedCase, seedCenter } from './test-factories.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'resolved',
    (e: Error & { code?: string; status?: number; detail?: unknown }) => ({
      code: e.code,
      status: e.status,
      message: e.message,
      detail: e.detail,
    }),
  );
}

describeEachEngine('the public status lookup', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let number: string;
  let code: string;
  let id: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    await seedCenter(store);
    const { creditCode } = await registeredEnterprise(store, '2026-03-02');
    const created = await seedCase(store, creditCode, '2026-03-02', {
      otherParty: '某公司',
      summary: '秘密的技术方案',
    });
    ({ number, id } = created.case);
    code = created.publicCode;
  });
  afterEach(() => store.drop());

  it('answers the state and dates, and nothing else', async () => {
    const s = await publicStatus(store, number, code, '2026-03-03');
    expect(s).toEqual({
      number,
      type: 'pre_examination',
      state: 'submitted',
      submittedAt: '2026-03-02',
      closedAt: null,
      due: '2026-03-11',
    });
    await act(store, id, 'reject', officer, { onDate: '2026-03-04', note: 'internal note' });
    const closed = await publicStatus(
      store,
      number.toLowerCase(),
      `  ${code.toLowerCase().slice(0, 6)}-${code.slice(6)} `,
    );
    expect(closed).toEqual({
      number,
      type: 'pre_examination',
      state: 'rejected_at_intake',
      submittedAt: '2026-03-02',
      closedAt: '2026-03-04',
      due: null,
    });
    expect(JSON.stringify(closed)).not.toMatch(/某公司|秘密|internal|user:|9142/);
  });

  it('gives the same answer for a wrong code and an unknown number', async () => {
    const wrongCode = await rejection(publicStatus(store, number, 'AAAAAAAAAAAA'));
    const wrongNumber = await rejection(publicStatus(store, 'PC-420100-2026-999999', code));
    const empty = await rejection(publicStatus(store, '', ''));
    expect(wrongCode).toMatchObject({ code: 'not_found', status: 404 });
    expect(wrongNumber).toEqual(wrongCode);
    expect(empty).toEqual(wrongCode);
    expect(JSON.stringify(wrongCode)).not.toContain(number);
  });
});
