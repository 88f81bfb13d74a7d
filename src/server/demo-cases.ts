import { DEMO_USERS, findUserByLogin } from '../auth/index.js';
import {
  applyRegistration,
  chinaToday,
  createCase,
  decideRegistration,
  generateDemoCases,
  loadCalendar,
} from '../cases/index.js';
import { addDays } from '../core/index.js';
import type { Store } from '../store/index.js';

/** The Wuhan protection center, where the demo's officer works and its enterprise is registered. */
export const DEMO_CENTER = 'pc-wuhan';

/**
 * The demo's protection-center work: the 18 centers with their enterprises and cases from 2023 up
 * to today (see the cases module's `generateDemoCases`), and the demo enterprise user's enterprise
 * registered (备案) with the Wuhan center a few weeks ago, with a pre-examination request of its own
 * waiting for the officer. Returns a line for the start-up notice.
 */
export async function createDemoCases(store: Store, seed: number): Promise<string> {
  const today = chinaToday();
  const result = await generateDemoCases(store, { seed, to: today });
  const login = 'enterprise-demo';
  const demo = DEMO_USERS.find((u) => u.login === login);
  const user = await findUserByLogin(store, login);
  let linked = '';
  if (demo?.organisation && demo.creditCode && user) {
    const calendar = await loadCalendar(store);
    const applied = calendar.workingDayOnOrAfter(addDays(today, -28));
    const approved = calendar.addWorkingDays(applied, 2).date;
    const filed = calendar.workingDayOnOrAfter(addDays(today, -2));
    const system = { kind: 'system' as const, name: 'demo' };
    const officer = { kind: 'officer' as const, name: 'demo:officer:pc-wuhan' };
    const enterprise = { organisation: demo.organisation, creditCode: demo.creditCode };
    const reg = await applyRegistration(
      store,
      {
        centerId: DEMO_CENTER,
        ...enterprise,
        regionCode: '420111',
        fieldIpc: ['H01S', 'G02B'],
        applicantUserId: user.id,
      },
      system,
      { onDate: applied },
    );
    await decideRegistration(store, reg.id, 'approve', officer, { onDate: approved });
    if (filed <= today && filed >= approved) {
      await createCase(
        store,
        {
          type: 'pre_examination',
          centerId: DEMO_CENTER,
          applicant: { ...enterprise, userId: user.id },
          summary: '一种用于超快光纤激光器的锁模装置\n\nA mode-locking device for ultrafast fibre lasers.',
        },
        { kind: 'applicant', userId: user.id },
        { onDate: filed },
      );
    }
    linked = `; ${login} is registered with ${DEMO_CENTER}`;
  }
  return `${result.cases} cases at ${result.centers} centers (${result.handledH1_2024 ?? '–'} handled in the first half of 2024)${linked}`;
}
