import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import {
  applyRegistration,
  createCase,
  decideRegistration,
  expireRegistrations,
  listRegistrations,
  verifyAudit,
} from './index.js';
import {
  applicant,
  buildCase,
  buildRegistration,
  failure,
  officer,
  registeredEnterprise,
  seedCenter,
} from './test-factories.js';

describeEachEngine('enterprise registration (备案)', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeEach(async () => {
    store = await freshStore(engine);
    await seedCenter(store);
    await seedCenter(store, { id: 'pc-test-hubei', city: '420100', area: '42' });
  });
  afterEach(() => store.drop());

  it('refuses an enterprise outside the area a center serves, and one whose field it does not serve', async () => {
    // Yichang is in Hubei but not in Wuhan: outside the city center's area, inside the provincial one's.
    const yichang = buildRegistration({ regionCode: '420502' });
    expect(await failure(applyRegistration(store, yichang, applicant))).toMatchObject({
      code: 'outside_center_area',
      status: 400,
    });
    const ok = await applyRegistration(store, { ...yichang, centerId: 'pc-test-hubei' }, applicant);
    expect(ok).toMatchObject({ status: 'applied', centerId: 'pc-test-hubei', regionCode: '420502' });
    const changsha = buildRegistration({ centerId: 'pc-test-hubei', regionCode: '430102' });
    expect(await failure(applyRegistration(store, changsha, applicant))).toMatchObject({
      code: 'outside_center_area',
    });

    const pharma = buildRegistration({ fieldIpc: ['A61K'], fieldLocarno: ['24'] });
    expect(await failure(applyRegistration(store, pharma, applicant))).toMatchObject({
      code: 'field_not_served',
    });
    // A shared Locarno class is enough for a design-minded enterprise.
    const designs = await applyRegistration(
      store,
      buildRegistration({ fieldIpc: [], fieldLocarno: ['14'] }),
      applicant,
    );
    expect(designs.fieldLocarno).toEqual(['14']);
    expect(
      await failure(
        applyRegistration(store, buildRegistration({ creditCode: '91420100MA4K000001' }), applicant),
      ),
    ).toMatchObject({ code: 'invalid_input' });
  });

  it('opens fast-track pre-examination only to an approved, unexpired registration', async () => {
    const reg = await applyRegistration(store, buildRegistration(), applicant, { onDate: '2026-01-05' });
    const filing = (onDate: string) =>
      failure(createCase(store, buildCase(reg.creditCode), applicant, { onDate }));
    expect(await filing('2026-01-06')).toMatchObject({ code: 'registration_pending', status: 403 });
    expect(
      await failure(createCase(store, buildCase('91420100MA4K0000XT'), applicant, { onDate: '2026-01-06' })),
    ).toMatchObject({ code: 'invalid_input' });

    expect(
      await failure(decideRegistration(store, reg.id, 'refuse', officer, { onDate: '2026-01-07' })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    const approved = await decideRegistration(store, reg.id, 'approve', officer, { onDate: '2026-01-07' });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedOn: '2026-01-07',
      expiresOn: '2027-01-07',
      version: 2,
    });
    expect(await filing('2026-01-06')).toMatchObject({ code: 'registration_pending' });
    expect(await filing('2026-01-07')).toBe('none');
    expect(await filing('2027-01-06')).toBe('none');
    expect(await filing('2027-01-07')).toMatchObject({ code: 'registration_expired', status: 403 });
    // Other services need no registration.
    const consultation = buildCase(reg.creditCode, { type: 'consultation' });
    expect(await failure(createCase(store, consultation, applicant, { onDate: '2027-03-01' }))).toBe('none');

    const stranger = buildCase(buildRegistration().creditCode);
    expect(await failure(createCase(store, stranger, applicant, { onDate: '2026-02-02' }))).toMatchObject({
      code: 'not_registered',
    });
    expect(await failure(decideRegistration(store, reg.id, 'approve', officer))).toMatchObject({
      code: 'invalid_transition',
    });
  });

  it('says a refused registration is refused, with the reason kept', async () => {
    const reg = await applyRegistration(store, buildRegistration(), applicant, { onDate: '2026-03-02' });
    const refused = await decideRegistration(store, reg.id, 'refuse', officer, {
      onDate: '2026-03-03',
      reason: '营业执照副本缺失',
    });
    expect(refused).toMatchObject({ status: 'refused', reason: '营业执照副本缺失', expiresOn: null });
    const filing = createCase(store, buildCase(reg.creditCode), applicant, { onDate: '2026-03-04' });
    expect(await failure(filing)).toMatchObject({ code: 'registration_refused' });
    // After a refusal the enterprise may apply again.
    const again = await applyRegistration(
      store,
      { ...buildRegistration(), creditCode: reg.creditCode },
      applicant,
      {
        onDate: '2026-03-10',
      },
    );
    expect(again.status).toBe('applied');
  });

  it('renews within 60 days of the end, expires afterwards, and audits every step', async () => {
    const reg = await registeredEnterprise(store, '2026-01-05');
    const input = { ...buildRegistration(), creditCode: reg.creditCode };
    expect(await failure(applyRegistration(store, input, applicant, { onDate: '2026-06-01' }))).toMatchObject(
      {
        code: 'already_registered',
        status: 409,
      },
    );
    const renewal = await applyRegistration(store, input, applicant, { onDate: '2026-11-20' });
    expect(await failure(applyRegistration(store, input, applicant, { onDate: '2026-11-21' }))).toMatchObject(
      {
        code: 'already_registered',
      },
    );
    await decideRegistration(store, renewal.id, 'approve', officer, { onDate: '2026-11-23' });

    expect(await expireRegistrations(store, '2027-01-05', officer)).toBe(1);
    expect(await expireRegistrations(store, '2027-01-05', officer)).toBe(0);
    const all = await listRegistrations(store, { creditCode: reg.creditCode });
    expect(all.map((r) => [r.status, r.expiresOn])).toEqual([
      ['approved', '2027-11-23'],
      ['expired', '2027-01-05'],
    ]);
    const filing = createCase(store, buildCase(reg.creditCode), applicant, { onDate: '2027-02-01' });
    expect(await failure(filing)).toBe('none');
    expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 2 + 2 + 2 + 1 + 1 });
  });

  it('lets only one of two racing applications through', async () => {
    const input = buildRegistration();
    const results = await Promise.all(
      [1, 2, 3].map(() => failure(applyRegistration(store, input, applicant))),
    );
    expect(results.filter((r) => r === 'none')).toHaveLength(1);
    for (const r of results.filter((x) => x !== 'none'))
      expect(r).toMatchObject({ code: 'already_registered' });
  });
});
