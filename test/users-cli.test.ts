import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join(''), json: () => JSON.parse(out.join('')) };
}

const db = join(mkdtempSync(join(tmpdir(), 'ipregion-users-cli-')), 'users.db');
const users = (...args: string[]) => cli(['--db', db, '--json', 'users', ...args]);

describe('ipregion users and settings', () => {
  afterEach(() => {
    delete process.env.IPREGION_PASSWORD;
  });

  it('adds users of each role, with the password from --password or IPREGION_PASSWORD', async () => {
    const admin = await users(
      'add',
      '--login',
      'admin',
      '--role',
      'admin',
      '--password',
      'central-2024-root',
    );
    expect(admin.code).toBe(0);
    expect(admin.json()).toMatchObject({ login: 'admin', role: 'admin', disabled: false });
    expect(admin.stdout).not.toContain('argon2');

    process.env.IPREGION_PASSWORD = 'river-stone-2024';
    const firm = await users(
      'add',
      '--login',
      'Firm.One',
      '--role',
      'enterprise',
      '--name',
      '示范企业',
      '--organisation',
      '武汉光谷示范科技有限公司',
      '--credit-code',
      '91420100MA4K00001U',
    );
    expect(firm.json()).toMatchObject({
      login: 'firm.one',
      displayName: '示范企业',
      creditCode: '91420100MA4K00001U',
    });
    const officer = await users('add', '--login', 'officer', '--role', 'officer', '--center', 'demo-wuhan');
    expect(officer.json()).toMatchObject({ centerId: 'demo-wuhan' });
  });

  it('refuses bad users with every problem, a taken login, and a missing password', async () => {
    const bad = await users('add', '--login', 'x', '--role', 'officer', '--password', 'short');
    expect(bad.code).toBe(2);
    const reasons = bad.json().error.reasons as string[];
    expect(reasons).toEqual([
      'login: 2–63 letters, digits, dots, dashes or underscores, starting with a letter or digit',
      'password: at least 10 characters',
      'password: at least one digit',
      'centerId: required for the officer role',
    ]);
    const taken = await users(
      'add',
      '--login',
      'ADMIN',
      '--role',
      'analyst',
      '--password',
      'river-stone-2024',
    );
    expect(taken.code).toBe(1);
    expect(taken.json().error.code).toBe('conflict');
    const none = await users('add', '--login', 'someone', '--role', 'analyst');
    expect(none.code).toBe(2);
    expect(none.json().error.message).toContain('IPREGION_PASSWORD');
  });

  it('lists, resets a password, disables', async () => {
    const list = await users('list');
    expect(list.json().map((u: { login: string }) => u.login)).toEqual(['admin', 'firm.one', 'officer']);
    const people = await cli(['--db', db, 'users', 'list']);
    expect(people.stdout).toContain('武汉光谷示范科技有限公司 91420100MA4K00001U');

    const weak = await users('reset-password', 'officer', '--password', 'officer-2024-x');
    expect(weak.code).toBe(2);
    expect(weak.json().error).toMatchObject({
      code: 'invalid_input',
      reasons: ['must not contain the login'],
    });
    process.env.IPREGION_PASSWORD = 'lake-hill-2025';
    expect((await users('reset-password', 'officer')).code).toBe(0);

    expect((await users('disable', 'officer')).json()).toMatchObject({ login: 'officer', disabled: true });
    expect((await users('disable', 'nobody')).json().error.code).toBe('not_found');
    const last = await users('disable', 'admin');
    expect(last.json().error.code).toBe('conflict');
  });

  it('turns public statistics on and off, and says which', async () => {
    const settings = (...args: string[]) =>
      cli(['--db', db, '--json', 'settings', 'public-statistics', ...args]);
    expect((await settings()).json()).toEqual({ publicStatistics: false });
    expect((await settings('on')).json()).toEqual({ publicStatistics: true });
    expect((await settings()).json()).toEqual({ publicStatistics: true });
    expect((await settings('off')).json()).toEqual({ publicStatistics: false });
    expect((await settings('maybe')).code).toBe(2);
  });
});
