import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords people choose that meet the length and character rules all the same. A short list on
 * purpose: it catches the obvious, the length rule does the rest.
 */
const COMMON = new Set([
  '1234567890a',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'a1234567890',
  'aa123456789',
  'abc1234567',
  'abc12345678',
  'abcd123456',
  'abcd1234567',
  'admin12345',
  'admin123456',
  'asdf123456',
  'changeme123',
  'iloveyou123',
  'letmein1234',
  'p@ssw0rd123',
  'passw0rd123',
  'password01',
  'password12',
  'password123',
  'password1234',
  'qwe1234567',
  'qwer123456',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop1',
  'welcome123',
  'woaini1314',
  'woaini520520',
  'zaq12wsxcde',
  'zxcvbnm123',
]);

/** Every reason `password` is not acceptable for `login`, all at once; empty when it is. */
export function passwordProblems(password: string, login: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{L}/u.test(password)) problems.push('at least one letter');
  if (!/\p{Nd}/u.test(password)) problems.push('at least one digit');
  const lower = password.toLowerCase();
  const name = login.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) problems.push('must not contain the login');
  if (COMMON.has(lower)) problems.push('is a commonly used password');
  return problems;
}

/** argon2id (the library's default algorithm) with its default cost: 19 MiB, 2 passes, 1 lane. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a wrong password, never an error that reveals the account exists.
    return false;
  }
}

/** A hash to check unknown logins against (their answer is "wrong" whatever it says): they take as long as known ones. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hash('no account has this password 0');
  return decoy;
}
