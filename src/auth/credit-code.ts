/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an enterprise:
 * 18 characters from digits and 21 capital letters (no I, O, S, V, Z), the last a check character.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a code, or null when one is not allowed. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) {
    const value = CHARS.indexOf(first17[i] ?? '?');
    if (value < 0) return null;
    sum += value * weight;
  }
  return CHARS[(31 - (sum % 31)) % 31] ?? null;
}

/** Why `code` is not a unified social credit code, or null when it is one. */
export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return 'a unified social credit code is 18 digits and capital letters (no I, O, S, V, Z)';
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return 'characters 3–8 of a unified social credit code are a region code';
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) {
    return 'the check character of the unified social credit code does not match';
  }
  return null;
}
