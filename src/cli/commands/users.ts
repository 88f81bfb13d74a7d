import type { Command } from 'commander';
import {
  createUser,
  disableUser,
  findUserByLogin,
  listUsers,
  publicStatistics,
  resetPassword,
  setPublicStatistics,
  type User,
} from '../../auth/index.js';
import { errors } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';

interface AddOpts {
  login: string;
  role: string;
  name?: string;
  center?: string;
  organisation?: string;
  creditCode?: string;
  institution?: string;
  password?: string;
}

/** A password from --password, else IPREGION_PASSWORD (kept out of the shell history and `ps`). */
function passwordFrom(flag: string | undefined): string {
  const password = flag ?? process.env.IPREGION_PASSWORD;
  if (!password) throw errors.usage('give the password with --password or the IPREGION_PASSWORD variable');
  return password;
}

async function mustFind(store: Store, login: string): Promise<User> {
  const user = await findUserByLogin(store, login);
  if (!user) throw errors.notFound('user', login);
  return user;
}

function tie(u: User): string {
  return (
    u.centerId ?? (u.organisation ? `${u.organisation} ${u.creditCode ?? ''}`.trim() : (u.institution ?? ''))
  );
}

function line(u: User): string {
  const state = u.disabled
    ? 'disabled'
    : u.lockedUntil && u.lockedUntil > new Date().toISOString()
      ? 'locked'
      : '';
  return [u.login, u.role, u.displayName, tie(u), state].filter(Boolean).join('  ');
}

/** `ipregion users …` and `ipregion settings …`: accounts and the public-statistics switch. */
export function registerUsers(program: Command, ctx: Context): void {
  const users = program.command('users').description('user accounts: add, disable, reset a password, list');
  users
    .command('add')
    .description('add a user (password from --password or IPREGION_PASSWORD)')
    .requiredOption('--login <login>', 'the login (letters, digits, . _ -)')
    .requiredOption('--role <role>', 'admin, analyst, officer, enterprise or institution')
    .option('--name <name>', 'display name (default: the login)')
    .option('--center <id>', 'officer: the protection center they work for')
    .option('--organisation <name>', 'enterprise user: the enterprise')
    .option('--credit-code <code>', 'enterprise user: its unified social credit code (统一社会信用代码)')
    .option('--institution <name>', 'institution user: the institution')
    .option('--password <password>', 'the password (≥ 10 characters, letters and digits, not the login)')
    .action(async (opts: AddOpts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const user = await createUser(store, {
          login: opts.login,
          role: opts.role,
          password: passwordFrom(opts.password),
          displayName: opts.name ?? null,
          centerId: opts.center ?? null,
          organisation: opts.organisation ?? null,
          creditCode: opts.creditCode ?? null,
          institution: opts.institution ?? null,
        });
        print(ctx.io, json, user, () => `added ${line(user)}`);
        return EXIT.ok;
      });
    });
  users
    .command('disable')
    .description('disable a user: they cannot sign in and their sessions end')
    .argument('<login>')
    .action(async (login: string, _opts: unknown, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const user = await disableUser(store, (await mustFind(store, login)).id);
        print(ctx.io, json, user, () => `disabled ${user.login}; their sessions have ended`);
        return EXIT.ok;
      });
    });
  users
    .command('reset-password')
    .description(
      "set a user's password (from --password or IPREGION_PASSWORD); ends their sessions, lifts a lockout",
    )
    .argument('<login>')
    .option('--password <password>', 'the new password')
    .action(async (login: string, opts: { password?: string }, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const password = passwordFrom(opts.password);
        const user = await resetPassword(store, (await mustFind(store, login)).id, password);
        print(ctx.io, json, user, () => `new password set for ${user.login}; their sessions have ended`);
        return EXIT.ok;
      });
    });
  users
    .command('list')
    .description('every user, with role, ties and state')
    .action(async (_opts: unknown, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const { items } = await listUsers(store, { limit: 100_000 });
        print(ctx.io, json, items, () =>
          items.length === 0
            ? 'no users'
            : table([
                ['login', 'role', 'name', 'center / enterprise / institution', 'state'],
                ...items.map((u) => [u.login, u.role, u.displayName, tie(u), u.disabled ? 'disabled' : '']),
              ]),
        );
        return EXIT.ok;
      });
    });

  program
    .command('settings')
    .description('settings an administrator changes')
    .command('public-statistics')
    .description('open the statistics, reference and registry reads without signing in (on), or not (off)')
    .argument('[state]', 'on or off; without it, says which')
    .action(async (state: string | undefined, _opts: unknown, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        if (state !== undefined && state !== 'on' && state !== 'off') {
          throw errors.usage(`public-statistics: "${state}" is not on or off`);
        }
        if (state !== undefined) await setPublicStatistics(store, state === 'on');
        const enabled = state === undefined ? await publicStatistics(store) : state === 'on';
        print(
          ctx.io,
          json,
          { publicStatistics: enabled },
          () => `public statistics: ${enabled ? 'on' : 'off'}`,
        );
        return EXIT.ok;
      });
    });
}
