import { describe, expect, it } from 'vitest';
import { creditCodeCheck, creditCodeProblem } from '../core/index.js';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { can, type Principal, permissionsOf } from './permissions.js';
import { newUserIssues } from './users.js';

describe('password rules', () => {
  it('accepts a long password of letters and digits that is not the login', () => {
    expect(passwordProblems('river-stone-2024', 'analyst')).toEqual([]);
    expect(passwordProblems('长江大桥1957年通车了', 'analyst')).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('short', 'analyst')).toEqual(['at least 10 characters', 'at least one digit']);
    expect(passwordProblems('1234567890123', 'x')).toEqual(['at least one letter']);
    expect(passwordProblems('Analyst-2024-x', 'analyst')).toEqual(['must not contain the login']);
    expect(passwordProblems('Password123', 'someone')).toEqual(['is a commonly used password']);
    expect(passwordProblems('a'.repeat(150) + '1'.repeat(60), 'x')).toEqual(['at most 200 characters']);
  });

  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const a = await hashPassword('river-stone-2024');
    const b = await hashPassword('river-stone-2024');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'river-stone-2024')).toBe(true);
    expect(await verifyPassword(a, 'river-stone-2025')).toBe(false);
    expect(await verifyPassword('not a hash', 'river-stone-2024')).toBe(false);
  });
});

describe('unified social credit code', () => {
  it('checks the check character (GB 32100-2015) on real codes', () => {
    for (const code of ['914403001922038216', '91110000802100433B', '9144030071526726XG']) {
      expect(creditCodeProblem(code)).toBeNull();
    }
    expect(creditCodeCheck('91420100MA4K00001')).toBe('U');
    expect(creditCodeProblem('914403001922038217')).toMatch(/check character/);
    expect(creditCodeProblem('91440300192203821')).toMatch(/18 digits/);
    expect(creditCodeProblem('9144030019220382IO')).toMatch(/no I, O/);
    expect(creditCodeProblem('91AB0300192203821X')).toMatch(/region code/);
  });
});

describe('new users', () => {
  const base = { login: 'li.wei', password: 'river-stone-2024' };
  const fields = (u: Parameters<typeof newUserIssues>[0]) => newUserIssues(u).map((i) => i.field);

  it('tie officers to a center, enterprise users to an enterprise, institution users to an institution', () => {
    expect(newUserIssues({ ...base, role: 'officer', centerId: 'hefei' })).toEqual([]);
    expect(fields({ ...base, role: 'officer' })).toEqual(['centerId']);
    expect(fields({ ...base, role: 'enterprise', organisation: '某公司' })).toEqual(['creditCode']);
    expect(
      newUserIssues({
        ...base,
        role: 'enterprise',
        organisation: '某公司',
        creditCode: '91110000802100433b',
      }),
    ).toEqual([]);
    expect(fields({ ...base, role: 'analyst', centerId: 'hefei', institution: 'x' })).toEqual([
      'centerId',
      'institution',
    ]);
    expect(fields({ ...base, role: 'institution' })).toEqual(['institution']);
  });

  it('name every problem at once', () => {
    expect(fields({ login: '-x', role: 'king', password: 'short' })).toEqual([
      'login',
      'role',
      'password',
      'password',
    ]);
  });
});

describe('permissions', () => {
  const user = (p: Partial<Principal> & Pick<Principal, 'role'>): Principal => ({
    centerId: null,
    creditCode: null,
    enterpriseId: null,
    ...p,
  });

  it('gives each role its permissions', () => {
    expect(can(user({ role: 'admin' }), 'users:manage')).toBe(true);
    expect(can(user({ role: 'analyst' }), 'stats:read')).toBe(true);
    expect(can(user({ role: 'analyst' }), 'cases:write')).toBe(false);
    expect(can(user({ role: 'analyst' }), 'users:manage')).toBe(false);
    expect(can(user({ role: 'institution' }), 'cases:read')).toBe(false);
    expect(can(user({ role: 'officer', centerId: 'c' }), 'settings:manage')).toBe(false);
    expect(can(null, 'stats:read')).toBe(false);
    expect(permissionsOf('analyst')).toEqual(['stats:read', 'registry:read', 'cases:report']);
  });

  it("holds officers to their center's cases and enterprises to their own", () => {
    const officer = user({ role: 'officer', centerId: 'wuhan' });
    expect(can(officer, 'cases:write', { centerId: 'wuhan' })).toBe(true);
    expect(can(officer, 'cases:read', { centerId: 'hefei' })).toBe(false);
    expect(can(user({ role: 'officer' }), 'cases:read', { centerId: null })).toBe(false);
    const firm = user({ role: 'enterprise', creditCode: '91110000802100433B' });
    expect(can(firm, 'cases:read', { creditCode: '91110000802100433B', centerId: 'wuhan' })).toBe(true);
    expect(can(firm, 'cases:read', { creditCode: '914403001922038216' })).toBe(false);
    expect(can(user({ role: 'admin' }), 'cases:write', { centerId: 'anywhere' })).toBe(true);
    expect(can(user({ role: 'analyst' }), 'cases:report', { centerId: 'anywhere' })).toBe(true);
  });
});
