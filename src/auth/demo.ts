import type { Store } from '../store/index.js';
import { setPublicStatistics } from './settings.js';
import { countUsers, createUser, type NewUser } from './users.js';

/**
 * The demo's users, one per kind of work, with fixed passwords (docs/auth.md lists them). The
 * officer works at the demo's Wuhan protection center (`pc-wuhan`, the cases module's id of
 * 中国（武汉）知识产权保护中心); the enterprise is registered with it when the demo's cases are
 * created. Its credit code is made up but well-formed (its check character is right).
 */
export const DEMO_USERS: readonly NewUser[] = [
  { login: 'admin', role: 'admin', displayName: '系统管理员 Administrator', password: 'central-2024-root' },
  { login: 'analyst', role: 'analyst', displayName: '统计分析员 Analyst', password: 'central-2024-figures' },
  {
    login: 'officer-wuhan',
    role: 'officer',
    displayName: '武汉保护中心 Officer',
    centerId: 'pc-wuhan',
    password: 'central-2024-cases',
  },
  {
    login: 'enterprise-demo',
    role: 'enterprise',
    displayName: '示范企业 Demo enterprise',
    organisation: '武汉光谷示范科技有限公司',
    creditCode: '91420100MA4K00001U',
    password: 'central-2024-filing',
  },
];

/**
 * Into a database with no users (a new demo), the demo users, and public statistics on so that the
 * dashboard opens without signing in. Returns the logins created; none when there were users.
 */
export async function ensureDemoUsers(store: Store): Promise<string[]> {
  if ((await countUsers(store)) > 0) return [];
  for (const u of DEMO_USERS) await createUser(store, u);
  await setPublicStatistics(store, true);
  return DEMO_USERS.map((u) => u.login);
}
